/**
 * Feature requests and sales questions: nobody is blocked, but each is worth money. Sales
 * goes to revenue; feature requests from customers are product feedback.
 */
import { scenarioTheme, type Scenario } from './compose.js';

const QUIET = { rate: 0.05, angryShare: 0.1 };

const FEATURES: readonly Scenario[] = [
  {
    why: 'Suggests a product improvement; product feedback, nothing to automate.',
    subjects: ['Feature request', 'Suggestion', 'Idea for Stockroom', 'Would love this feature', 'Product feedback'],
    openers: [
      'We love Stockroom, just one thing is missing for us.',
      'Long-time customer here with a wish list item.',
      'Not urgent at all, just an idea.',
      'Our team asked me to pass this on.',
    ],
    problems: [
      'Could you add a dark mode to the iPad app? We use it in a dim stock room.',
      'It would be great to transfer stock between locations in one step instead of two adjustments.',
      'Please add custom fields on products, we need to store the supplier batch number.',
      'We would love to schedule reports to be e-mailed every Monday morning.',
      'Can you support GS1 DataMatrix codes? Our pharmacy suppliers are switching to them.',
      'A QuickBooks Online integration would save us hours each month.',
      'Bulk editing prices for a whole category would be really useful.',
      'Could counts be split between several people, each taking an aisle?',
      'Please let us set a different reorder point per location.',
      'An undo button for stock adjustments would stop a lot of mistakes here.',
    ],
    details: ['Right now we export to Excel and do it by hand.', 'I know other shops on your forum asked for this too.', 'We would happily pay a bit more for it.'],
    asks: ['Is this on the roadmap?', 'Any chance?', 'Thanks for considering it.', 'Let me know if you want to talk about how we would use it.'],
    chat: ['feature request: dark mode pls', 'any plans for quickbooks integration?', 'would be great to bulk edit prices', 'can you add custom fields on products?'],
    followUps: QUIET,
  },
];

const SALES: readonly Scenario[] = [
  {
    why: 'Asks for pricing or a quote for several seats or devices; revenue team.',
    weight: 3,
    subjects: ['Quote request', 'Pricing question', 'Request for quotation'],
    openers: [
      'We are a chain of {n} stores looking at replacing our current inventory system.',
      'I run purchasing for a regional retailer.',
      'We are comparing three vendors this month.',
      'Found you through a recommendation from another shop owner.',
    ],
    problems: [
      { subject: 'Pricing for {seats} users', text: 'Could you send us pricing for {seats} users on the Business plan?' },
      'We need a quote for {seats} units of the {item} and {n} T8 terminals.',
      { subject: 'Volume pricing on hardware', text: 'Do you offer volume discounts on hardware if we order more than 50 units?' },
      { subject: 'Multi-location pricing', text: 'What would annual pricing look like for {n} locations?' },
      { subject: 'Nonprofit discount?', text: 'Is there a nonprofit or education discount?' },
    ],
    details: ['We would need invoicing against a purchase order.', 'Delivery would be to {city}.', 'Timeline is next quarter.'],
    asks: ['Could someone from sales contact me?', 'A call this week would work.', 'Please send a quote.'],
    chat: ['hi, can i get pricing for {seats} users', 'do you do volume discounts on scanners?', 'need a quote for {n} terminals'],
    followUps: QUIET,
  },
  {
    why: 'Pre-sales question about SSO, SLA, contracts or a demo; revenue team.',
    weight: 2,
    subjects: ['Sales question', 'Question before we buy', 'Enquiry'],
    problems: [
      { subject: 'Demo request', text: 'Could we book a demo of Stockroom for our operations team?' },
      { subject: 'SSO and SLA question', text: 'Do you support SAML single sign-on and what uptime SLA do you offer on Enterprise?' },
      { subject: 'Security questionnaire', text: 'Our procurement needs a security questionnaire filled in before we can buy.' },
      { subject: 'Trial extension', text: 'Our trial ends tomorrow and we have not finished testing. Can it be extended two weeks?' },
      { subject: 'Reseller enquiry', text: 'We are an IT reseller and would like to offer Northwind hardware to our clients. Do you have a partner programme?' },
    ],
    asks: ['Who should I talk to?', 'Thanks, looking forward to hearing from you.', 'Please have someone reach out.'],
    chat: ['can i book a demo?', 'do you support SSO', 'can my trial be extended', 'do you have a reseller program'],
    followUps: QUIET,
  },
];

export const featureRequestTheme = scenarioTheme(FEATURES);
export const salesInquiryTheme = scenarioTheme(SALES);
