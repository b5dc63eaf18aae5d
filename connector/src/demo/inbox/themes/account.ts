/**
 * Account changes: e-mail, address, company name, owner. Not dangerous, but each one changes
 * who controls an account, so a person checks it.
 */
import { scenarioTheme, type Scenario } from './compose.js';

const ACCOUNT_UPDATE: readonly Scenario[] = [
  {
    why: 'Wants the login e-mail changed.',
    weight: 3,
    subjects: ['Change my e-mail address', 'Update login email', 'New email address', 'Email change'],
    problems: [
      'Please change the e-mail on my account from {email} to my new work address.',
      'We moved to a new domain. How do I change the login e-mail for all our users?',
      'I am leaving {org} and my colleague will take over. Can you change the login to her e-mail?',
      'My old e-mail account was closed. Can you update my login to this address?',
    ],
    asks: ['Thanks.', 'Let me know if you need to verify anything.', 'Please confirm when done.'],
    chat: ['how do i change my login email', 'need to update my email address'],
    thread: {
      agent: ['To change the e-mail address you sign in with, please reply from the current address on the account and tell us the new one.'],
      replies: ['Replying from my current address as asked. Please change it to the new work address in my signature.'],
    },
  },
  {
    why: 'Wants the shipping or billing address updated.',
    weight: 3,
    subjects: ['Update address', 'New shipping address', 'We moved', 'Change billing address'],
    problems: [
      'We moved premises. Please update our shipping address to the new shop in {city}.',
      'Can you update the billing address on our invoices? Our office moved last month.',
      'Please change the default delivery address on our account.',
    ],
    details: ['Future orders should go to the new place.', 'The VAT number stays the same.'],
    asks: ['Thanks!', 'New address below my signature.', 'Cheers.'],
    chat: ['need to update shipping address', 'we moved, how do i change the address on my account'],
  },
  {
    why: 'Wants the company name, owner or VAT details changed.',
    weight: 2,
    subjects: ['Account change', 'Change to our account', 'Account details'],
    problems: [
      { subject: 'Company name change', text: 'We rebranded. Please change our company name on the account and invoices to the new name.' },
      { subject: 'Change account owner', text: 'The account owner left the company. Please transfer ownership to me, I am the new manager.' },
      { subject: 'Update VAT number', text: 'Please add our VAT number to the account so it appears on invoices.' },
      { subject: 'Two accounts', text: 'Can you merge our two accounts? We accidentally signed up twice.' },
    ],
    asks: ['Happy to provide any proof you need.', 'Thanks.', 'How do we do this?'],
    chat: ['how do i change the account owner', 'can you merge two accounts'],
  },
  {
    why: 'Wants their name or phone number updated.',
    weight: 1,
    subjects: ['Update my details', 'Account details'],
    problems: [
      { subject: 'Change name on account', text: 'I got married and would like to update my surname on the account.' },
      { subject: 'Phone number update', text: 'Please update the phone number on our account, the old one no longer works.' },
    ],
    asks: ['Thank you.', 'Thanks so much.'],
    chat: ['want to change my name on account', 'update phone number please'],
  },
];

export const accountUpdateTheme = scenarioTheme(ACCOUNT_UPDATE, { rate: 0.06, angryShare: 0.2 });
