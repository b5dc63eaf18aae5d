/**
 * Hand-written messages for the classifier sanity test, written for this test (not taken
 * from connector/corpus): realistic phrasings of each default intent.
 */
export const SANITY_SENTENCES: Record<string, string[]> = {
  password_reset: [
    "Hi there, I can't remember the password I set up last year. How do I get a new one?",
    'The link in the password reset email says it has expired. Can you send another?',
    'need to change my pw, forgot the old one',
  ],
  account_locked: [
    'It says my account has been temporarily suspended after too many failed sign-ins.',
    "I'm locked out and the unlock email never shows up in my inbox.",
    'Your system blocked my login because of suspicious activity, but it was just me on a new laptop.',
  ],
  order_status: [
    'My parcel was marked as shipped five days ago but tracking has not updated since. Where is it?',
    'Could you tell me when order 55821 will be delivered?',
    "Hasn't arrived yet. Ordered on the 3rd. Any news?",
  ],
  how_to: [
    'How can I add a second user to our workspace?',
    'Is there a way to export all my contacts as a spreadsheet?',
    'Where do I find the setting to turn off email notifications?',
  ],
  billing_question: [
    'Which payment methods do you accept for the annual plan?',
    'When will I be billed next month, at the start or the end?',
    'Can I get a copy of my invoice from February with our VAT number on it?',
  ],
  refund_request: [
    'The jacket arrived torn. I would like my money returned please.',
    'You charged me for a month I had already cancelled, please refund it.',
    'I returned the item two weeks ago, when do I get reimbursed?',
  ],
  cancellation: [
    "Please stop my subscription at the end of this billing period, we won't need it anymore.",
    'How do I close my account for good?',
    'I want to cancel the order I placed this morning before it ships.',
  ],
  account_update: [
    'I got married and need to change the surname on my profile.',
    'Please update the email address on my account to my new work address.',
    'Can you change the billing address on file? We moved offices.',
  ],
  bug_report: [
    'When I click Save on the settings page nothing happens and the console shows a 500 error.',
    'The mobile app crashes every time I try to upload a photo from the gallery.',
    'Since the last update, the dashboard charts show yesterday as zero even though we had sales.',
  ],
  feature_request: [
    'It would be great if you added a dark mode to the web app.',
    'Any plans to support exporting reports to PDF? That would save us a lot of time.',
    'Please consider letting us schedule emails to go out later.',
  ],
  sales_inquiry: [
    "We're a team of 40 and looking at your business plan. Can someone send us pricing for annual billing?",
    'Do you offer discounts for non-profits?',
    "I'd like a demo for my team next week, who should I talk to?",
  ],
  complaint: [
    "I've been a customer for six years and the service lately has been really disappointing. Nobody follows up on anything.",
    'Your courier left my package in the rain and the driver was rude to my mother. This is not acceptable.',
    'I am extremely unhappy with how my last three requests were handled.',
  ],
  human_request: [
    'Can I please talk to an actual person instead of a bot?',
    'Connect me with a human agent.',
    "I'd rather speak with someone on the phone, is there a number I can call?",
  ],
  legal_privacy_security: [
    'Under GDPR I request a copy of all the personal data you hold about me.',
    'I think someone accessed my account without permission, there are logins from another country.',
    'Please delete all my personal information from your systems.',
  ],
  other: [
    'Thanks, that solved it!',
    'Happy new year to the whole support team.',
    'Got it, have a nice weekend.',
  ],
};
