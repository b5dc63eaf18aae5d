/**
 * The tickets the demo is about (DESIGN.md, "the scenario it exists for"): an enterprise
 * customer threatening to churn whose follow-ups get angrier, the biggest prospect's feature
 * request, a bug report for engineering, a legal threat and a GDPR request. Written and
 * labelled by hand; only their arrival time moves a little with the seed.
 */
import type { Channel, InboxExpectation, InboxFollowUp } from './types.js';

export interface StoryTicket {
  id: string;
  orgKey?: string;
  person: { first: string; last: string; email: string; locale: string };
  channel: Channel;
  /** Nominal arrival, minutes after 22:00; the builder jitters it by up to ±10. */
  minute: number;
  subject: string;
  body: string;
  followUps: InboxFollowUp[];
  expected: InboxExpectation;
}

const ACME_CHURN: StoryTicket = {
  id: 'acme-churn',
  orgKey: 'acme',
  person: { first: 'Hannah', last: 'Okafor', email: 'hannah.okafor@acme.example.com', locale: 'en-US' },
  channel: 'email',
  minute: 72,
  subject: 'Sync failure again - renewal at risk',
  body: `Hello,

I am writing because we have reached the end of our patience with Stockroom.

For the third time this month, stock counts stopped syncing between our warehouses tonight. Our night shift in Columbus counted 1,140 pallets and the web app still shows yesterday's numbers. Each time, your team has told us it was "a temporary issue". Ticket #41877 from May 28 was closed without a root cause.

We run 14 warehouses on your platform and pay $120,000 a year for it. Our contract comes up for renewal in six weeks and our CFO has asked me to evaluate alternatives. If we do not have a root cause and a plan by the end of this week, we will not renew.

I need someone senior to call me first thing tomorrow.

Hannah Okafor
VP Operations | Acme Corp
+1 (312) 555-0147

This message and any attachments are meant only for the person it is addressed to and may contain confidential information.

On Tue, May 28, 2024 at 3:05 PM Northwind Support <support@northwind.example.com> wrote:
> Hi Hannah,
>
> Thanks for your patience. The sync delay you saw earlier today was caused by a temporary issue on our side and has been resolved. Please let us know if you notice anything else.
>
> Best,
> Robin
> Northwind Support`,
  followUps: [
    {
      afterMinutes: 48,
      body: "It has now been almost an hour and nobody has replied. The forced resync your help article suggests - I've tried that already, on every device, twice. This isn't working. Our morning shift starts at 6 and we cannot ship a single order without correct counts.",
    },
    {
      afterMinutes: 151,
      body: 'STILL NOTHING. FOURTEEN WAREHOUSES ARE COUNTING BY HAND TONIGHT. I AM FORWARDING THIS THREAD TO OUR CFO AND WE WILL START TALKS WITH ANOTHER VENDOR ON MONDAY.',
    },
  ],
  expected: {
    intent: 'complaint',
    mustEscalate: true,
    team: 'senior_support',
    why: 'Enterprise VIP (Acme Corp, $120k ARR, renewal open) threatens not to renew over repeated sync failures; follow-ups grow angrier and end in capitals.',
  },
};

const KESTREL_FEATURE: StoryTicket = {
  id: 'kestrel-feature',
  orgKey: 'kestrel',
  person: { first: 'Marcus', last: 'Lindqvist', email: 'marcus.lindqvist@kestrel-aero.example.com', locale: 'en-GB' },
  channel: 'email',
  minute: 506,
  subject: 'Serial/lot tracking and audit export - needed before our rollout decision',
  body: `Hi Northwind team,

We are three weeks into our pilot of Stockroom at two of our sites and the feedback from the floor has been very good. Before our steering committee meets on the 20th to approve the rollout (roughly 600 seats across 9 sites), there are two gaps I need an answer on:

1. Serial and lot tracking on receipt. Every part we stock must be traceable; today the team keeps serial numbers in a spreadsheet next to Stockroom. We need serial/lot fields on receiving and on every movement, with a searchable history.
2. An audit log export we can feed into our quality system for AS9100 audits. A daily CSV or an API endpoint would do.

SAML single sign-on with our Azure AD is the third item, but I understand that is part of the Enterprise plan already.

If serial tracking is on your roadmap for this year, I would like to know when, and whether we could be a design partner. It is the one thing that decides whether we sign.

Best regards,
Marcus Lindqvist
Director of Supply Chain
Kestrel Aerospace`,
  followUps: [],
  expected: {
    intent: 'feature_request',
    mustEscalate: true,
    team: 'revenue',
    why: 'Biggest prospect (Kestrel Aerospace, 600-seat pilot, open opportunity) asks for serial/lot tracking and audit export before its buying decision.',
  },
};

const ENGINEERING_BUG: StoryTicket = {
  id: 'northgate-bug',
  orgKey: 'northgate-auto',
  person: { first: 'Derek', last: 'Fraser', email: 'derek.fraser@northgate-auto.example.com', locale: 'en-CA' },
  channel: 'web',
  minute: 188,
  subject: 'H10 creates duplicate stock movements after offline mode',
  body: `Since we updated the H10 handhelds to 4.12.0, every scan made while the device is offline is booked twice once it reconnects.

Steps to reproduce:
1. Put an H10 in airplane mode
2. Receive 5 units of any product (we used SKU 004417, brake pads)
3. Turn airplane mode off and wait for the sync
4. Open the product's movement history on the web

Expected: one receipt of 5 units.
Actual: two receipts of 5 units, both with the same timestamp. Stock shows 10.

The sync log on the device shows "E-1042: Sync conflict (item revision mismatch)" followed by "retry ok". Devices on 4.11.2 do not do this. We have 6 devices at 3 locations and our counts are now off by several hundred units.

App version 4.12.0 (build 4120.7), Android 12 (Zebra TC52). Happy to send device logs.

Derek Fraser, Inventory Systems, Northgate Auto Spares`,
  followUps: [{ afterMinutes: 64, body: 'Forgot to add: it also happens on the iPad app 4.12.1, so it is not just the H10.' }],
  expected: {
    intent: 'bug_report',
    mustEscalate: false,
    team: 'product_support',
    why: 'Reproducible data-corrupting bug with steps, versions and the sync log error; engineering needs it.',
  },
};

const LAWSUIT: StoryTicket = {
  id: 'lawsuit',
  person: { first: 'Gareth', last: 'Holt', email: 'gareth.holt@example.net', locale: 'en-GB' },
  channel: 'email',
  minute: 31,
  subject: 'FINAL NOTICE before legal action - order NW-318204',
  body: `To whom it may concern,

On 29 April I paid $699.00 for a T8 POS terminal (order NW-318204). It arrived dead. I returned it on 8 May with the prepaid label you sent (tracking 1Z884W260412345678), and your own tracking shows you received it on 13 May.

Since then I have written four times. I have had two automated replies and nothing else.

I have now instructed my attorney. If the full $699.00 is not back on my card by Friday 14 June, I will file a lawsuit in small claims court for the amount plus costs, without further notice.

Gareth Holt`,
  followUps: [],
  expected: {
    intent: 'legal_privacy_security',
    mustEscalate: true,
    team: 'trust_safety',
    why: 'Threatens a lawsuit over an unrefunded return, with a deadline; legal threats go to trust & safety, never to automation.',
  },
};

const GDPR_REQUEST: StoryTicket = {
  id: 'gdpr',
  person: { first: 'Siobhan', last: 'Donnelly', email: 'siobhan.donnelly@example.org', locale: 'en-IE' },
  channel: 'email',
  minute: 262,
  subject: 'Subject access and erasure request (GDPR Articles 15 and 17)',
  body: `Dear Data Protection Officer,

I am a customer of Northwind Supply (account e-mail siobhan.donnelly@example.org) and I live in Ireland.

Under Article 15 of the General Data Protection Regulation, please provide a copy of all personal data you hold about me, the purposes for which it is processed, the recipients it has been disclosed to, and how long it will be kept.

Once you have provided that copy, I request under Article 17 that you erase my personal data, including my order history and any marketing profile, except where you are legally required to keep it.

Please confirm receipt of this request. I expect a response within one month, as the Regulation requires.

Yours faithfully,
Siobhan Donnelly`,
  followUps: [],
  expected: {
    intent: 'legal_privacy_security',
    mustEscalate: true,
    team: 'trust_safety',
    why: 'Formal GDPR access and erasure request with a statutory deadline; trust & safety.',
  },
};

export const STORY_TICKETS: readonly StoryTicket[] = [ACME_CHURN, KESTREL_FEATURE, ENGINEERING_BUG, LAWSUIT, GDPR_REQUEST];
