/**
 * Privacy, security and legal: data requests, suspicious logins, phishing, vulnerability
 * reports, lawyers. Trust & safety owns these and automation must never answer them.
 */
import { scenarioTheme, type Scenario } from './compose.js';

const LEGAL: readonly Scenario[] = [
  {
    why: 'Personal-data request (access or erasure) with a legal deadline.',
    weight: 3,
    subjects: ['Privacy request', 'Personal data request', 'My personal data'],
    problems: [
      { subject: 'Data access request (GDPR)', text: 'Under Article 15 of the GDPR I request a copy of all personal data you hold about me.' },
      { subject: 'Request to delete my data', text: 'Please delete my account and all personal data you hold about me, as is my right under Article 17 of the GDPR.' },
      { subject: 'CCPA request', text: 'Under the CCPA I ask you to tell me what personal information you have collected about me and not to sell it.' },
      'I want to know which third parties you have shared my personal data with.',
    ],
    details: ['The e-mail associated with my account is {email}.', 'I expect a response within one month as required by law.', 'Please confirm receipt of this request.'],
    asks: ['Thank you.', 'Please confirm in writing.', 'Regards.'],
    chat: ['i want all my personal data deleted, gdpr', 'how do i make a data access request', 'delete my data please, under gdpr'],
  },
  {
    why: 'Suspects the account is compromised; security incident.',
    weight: 3,
    tone: 'upset',
    subjects: ['Suspicious login', 'Someone accessed my account', 'Account hacked?', 'Unknown login alert', 'Security concern'],
    problems: [
      'I got a "new login" alert from a device in another country. That was not me.',
      'Someone changed the bank details on our account and it was not anyone here.',
      'There are stock adjustments in our log made at 3am by a user we do not recognise.',
      'I think my account was hacked. My password was changed and I did not do it.',
    ],
    asks: ['Please lock the account and tell me what happened.', 'What do I do now?', 'Please treat this as urgent.'],
    chat: ['i think my account got hacked', 'login alert from another country, not me', 'someone changed our bank details!!'],
  },
  {
    why: 'Reports a phishing mail or a vulnerability; security team.',
    weight: 2,
    subjects: ['Security', 'Security concern', 'Reporting a security problem'],
    problems: [
      { subject: 'Is this e-mail from you?', text: 'I received an e-mail claiming to be from Northwind asking me to "verify my billing details" on a strange website. Is this you?' },
      { subject: 'Security vulnerability report', text: "I found a security issue in your web app: the invoice download URL can be changed to see other customers' invoices." },
      { subject: 'Responsible disclosure', text: "While testing our integration I noticed your API returns other tenants' product names when the location parameter is changed." },
    ],
    asks: ['Who is the right contact for this?', 'Happy to share details privately.', 'You may want to warn your customers.'],
    chat: ['got a phishing email pretending to be northwind', 'who do i report a security bug to'],
  },
  {
    why: 'Threatens legal action; trust & safety handles anything involving lawyers.',
    weight: 1,
    tone: 'angry',
    subjects: ['Legal action', 'Final notice before legal action', 'Letter from my solicitor', 'Small claims'],
    problems: [
      'If the {amount} for order {order} is not refunded within 7 days I will file a claim in small claims court.',
      'My lawyer has advised me that you are in breach of contract. Consider this formal notice.',
      'I have spoken to my solicitor about the faulty {item} and the losses it caused our business.',
    ],
    asks: ['I expect a response in writing.', 'This is your last chance to resolve it.'],
    chat: ['i will be contacting my lawyer about this', 'if i dont get my money back i will sue'],
  },
  {
    why: 'Needs a DPA or a list of sub-processors for compliance.',
    weight: 1,
    subjects: ['DPA request', 'Sub-processor list', 'Data processing agreement'],
    problems: [
      'Our compliance team needs a signed Data Processing Agreement before we renew.',
      'Could you send your current list of sub-processors and where our data is stored?',
    ],
    asks: ['Thank you.', 'Who should sign on your side?'],
    chat: ['where can i get your DPA', 'list of subprocessors?'],
  },
];

export const legalTheme = scenarioTheme(LEGAL, { rate: 0.06, angryShare: 0.5 });
