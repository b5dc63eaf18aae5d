/**
 * Billing lookups: invoices, charges, plan and renewal dates. Automatable while they stay
 * lookups; a charge the customer disputes angrily goes to finance.
 */
import { scenarioTheme, type Scenario } from './compose.js';

const BILLING_FOLLOW_UPS = {
  calm: ['Got the invoice, thank you.', 'Thanks. Could the invoice also show our VAT number?', 'Ok that makes sense, thanks.'],
  angry: [
    "That doesn't answer my question. Why was I charged {charge}? I want someone from billing to look at it.",
    "I've tried that already, the billing page shows nothing for that date.",
  ],
  rate: 0.1,
  angryShare: 0.4,
  angryTeam: 'finance' as const,
};

const BILLING_QUESTION: readonly Scenario[] = [
  {
    why: 'Asks for a copy of an invoice; a billing lookup.',
    weight: 3,
    subjects: ['Invoice copy', 'Invoice request', 'Invoices please', 'Copy of invoice'],
    openers: ['Our bookkeeper is closing the month.', 'Doing my expenses tonight.', 'Quick admin request.'],
    problems: [
      { subject: 'Invoice {invoice}', text: 'Could you send me a copy of invoice {invoice}?' },
      { subject: 'Need invoice for {order}', text: 'I need an invoice for order {order} with our company name on it.' },
      { subject: 'Where are my invoices?', text: 'Where can I download the invoices for our Stockroom subscription?' },
      { subject: 'Receipts for my subscription', text: 'Can I get receipts for the last three months of our {plan} plan?' },
      { subject: 'VAT invoice', text: 'I need a proper VAT invoice for the {product} we bought {ordered}.' },
    ],
    details: ['Company name is {org}.', 'Please send it to {email}.', 'The card ends in {last4}.'],
    asks: ['Thanks!', 'A PDF is fine.', 'Thanks in advance.'],
    chat: ['can i get a copy of my invoice', 'where do i download invoices', 'need invoice for {order}'],
  },
  {
    why: 'Asks what a charge is; a billing lookup.',
    weight: 3,
    subjects: ['Charge on my card', 'What is this charge?', 'Unknown charge NW*STOCKROOM', 'Question about my bill', 'Charged {charge}?'],
    problems: [
      'I see a charge of {charge} from "NW*STOCKROOM" on my card ending {last4}. What is it for?',
      'There is a payment to Northwind Supply on my statement that I do not recognise.',
      'Why was I charged {charge} this month? I thought we paid {planPrice}.',
      'My bill is higher than last month. Can you explain the difference?',
    ],
    details: ['We added two users mid-month, could that be it?', 'The charge was on {ordered}.', 'We are on the {plan} plan.'],
    asks: ['Can you explain?', 'Just want to understand the amount.', 'Thanks.'],
    chat: ['what is the {charge} charge on my card', 'why is my bill higher this month', 'charge from NW*STOCKROOM, what is it'],
    // Issue 11's safety net: a charge the customer does not recognise is always a person's.
    atRisk: { when: /\bunknown charge\b|\bdo not recognise\b/i, because: 'an unrecognised charge is always a person\'s (money-or-security safety net)', team: 'finance' },
    thread: {
      agent: ['The {charge} charge on your card ending {last4} is your Stockroom {plan} subscription. You can see all invoices under Settings > Billing.'],
      replies: ['Thanks, but the amount is different from what I usually pay. Why?', 'Ok, and why is it more than last month?'],
    },
  },
  {
    why: 'Asks about plan, renewal date or pricing of their own subscription; a billing lookup.',
    weight: 2,
    subjects: ['Subscription question', 'Billing question', 'Question about our plan'],
    problems: [
      { subject: 'Next billing date', text: 'When is our next billing date?' },
      { subject: 'Which plan am I on?', text: 'Which plan is our account on right now? I took over from a colleague.' },
      { subject: 'Renewal date', text: 'When does our annual subscription renew?' },
      { subject: 'Annual vs monthly', text: 'If we switch from monthly to annual, how much do we save?' },
      { subject: 'Tax included?', text: 'Does the price on the {plan} plan include tax?' },
    ],
    asks: ['Thanks.', 'Just need it for our budget.', 'Cheers.'],
    chat: ['when is my next payment', 'what plan am i on', 'does price include vat'],
  },
  {
    why: 'Wants to update the card or payment method; a billing self-service answer.',
    weight: 2,
    subjects: ['Payment method', 'Billing details', 'Question about paying'],
    problems: [
      { subject: 'Card expired', text: 'Our card on file expired. Where do I add the new one?' },
      { subject: 'Payment failed', text: 'I got an e-mail saying the payment for our subscription failed. How do I fix it?' },
      { subject: 'Pay by bank transfer?', text: 'Can we pay by bank transfer instead of card?' },
      { subject: 'Update card', text: 'How do I change the card that is charged for Stockroom?' },
    ],
    asks: ['Thanks.', 'We do not want the account to be paused.'],
    chat: ['payment failed email, how do i update card', 'can i pay by bank transfer'],
  },
];

export const billingQuestionTheme = scenarioTheme(BILLING_QUESTION, BILLING_FOLLOW_UPS);
