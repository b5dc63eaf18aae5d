/**
 * Refunds and cancellations: money leaving, so always a human in finance. The text names
 * what went wrong with enough facts (order, amount, card) for the agent not to ask again.
 */
import { scenarioTheme, type Scenario } from './compose.js';

const MONEY_FOLLOW_UPS = {
  calm: ['Any update on the refund?', 'I have sent photos of the damage as you asked.', 'Just confirming you received my request.'],
  angry: [
    'It has been {days} days. I want my money back, not another template.',
    'If this is not refunded by Friday I will dispute it with my bank.',
    'I cancelled and you charged me AGAIN. Unbelievable.',
  ],
  rate: 0.12,
  angryShare: 0.5,
};

const REFUNDS: readonly Scenario[] = [
  {
    why: 'Item arrived damaged; wants a refund.',
    weight: 3,
    subjects: ['Damaged item - refund', 'Arrived broken', 'Refund for damaged {item}', 'Order {order} damaged'],
    openers: ['Not the delivery I was hoping for.', 'Very disappointed with this order.', 'Unpacked our order this evening.'],
    problems: [
      'The {product} from order {order} arrived with a cracked casing and does not turn on.',
      'The box for {order} was crushed and the {item} inside is broken.',
      'The {item} we received rattles and the screen is cracked.',
    ],
    details: ['I have photos if you need them.', 'We paid {amount}.', 'I have kept all the packaging.'],
    asks: ['I would like a full refund please.', 'Please refund me, I do not want a replacement.', 'Can you refund the {amount} to my card?'],
    chat: ['my {item} arrived broken, i want a refund', 'order {order} damaged, refund please'],
  },
  {
    why: 'Charged twice or after cancelling; wants the money back.',
    weight: 3,
    subjects: ['Refund please', 'Wrong charge - refund', 'Refund request'],
    problems: [
      { subject: 'Charged twice', text: 'I was charged twice for order {order}: two payments of {amount} on my card ending {last4}.' },
      { subject: 'Charged after I cancelled', text: 'You took {charge} for the subscription even though I cancelled last month.' },
      { subject: 'Renewal charged by mistake', text: 'Our annual renewal went through for {charge} but we had already switched to the Free plan.' },
      { subject: 'Double charge', text: 'There are two identical charges of {charge} from you {ordered}.' },
    ],
    asks: ['Please refund the duplicate.', 'I want that refunded.', 'Please return the money as soon as possible.'],
    chat: ['i got charged twice, need a refund', 'you charged me after cancelling, refund please'],
    thread: {
      agent: ['I can see your cancellation request from last month. I have passed the {charge} charge to our billing team to review.'],
      replies: ['It has been a week since this and the money is still not back on my card. Please refund it.'],
    },
  },
  {
    why: 'Wrong item or not as described; wants to return it for a refund.',
    weight: 2,
    subjects: ['Return and refund', 'Return request {order}', 'Refund for order {order}'],
    problems: [
      { subject: 'Wrong item sent', text: 'I ordered the {item} but received the {other}.' },
      { subject: 'Not compatible', text: 'The {product} is not compatible with our tills, even though the product page said it would be.' },
      'I would like to return the {item} from order {order}. It is unopened.',
      'We ordered {qty} units and only need one now. Can we return the rest for a refund?',
    ],
    asks: ['How do I get a refund?', 'Please send a return label and refund me.', 'Refund to the original card please.'],
    chat: ['wrong item sent, want refund', 'how do i return {order} for a refund'],
  },
];

const CANCELLATIONS: readonly Scenario[] = [
  {
    why: 'Wants to cancel the Stockroom subscription.',
    weight: 4,
    subjects: ['Cancel subscription', 'Cancel my account', 'Please cancel', 'Cancellation request', 'Do not renew', 'Stop my subscription'],
    openers: ['Sad to say it, but we are closing the shop at the end of the month.', 'We have decided to go a different way.', 'After a lot of thought:', 'Sorry to do this by e-mail.'],
    problems: [
      'Please cancel our Stockroom subscription ({plan} plan).',
      'I would like to cancel my account and stop all future payments.',
      'We do not want the annual plan to renew. Please cancel it.',
      'How do I cancel? I could not find the option in settings.',
      'Cancel the subscription for {org}, effective immediately please.',
    ],
    details: ['The account e-mail is {email}.', 'We only used it for a few months.', 'Please confirm nothing else will be charged.', 'Can we keep read-only access to export our data?'],
    asks: ['Please confirm once done.', 'Thanks for everything.', 'Let me know if you need anything else from me.'],
    chat: ['how do i cancel my subscription', 'cancel my account please', 'i want to cancel', 'please cancel, we dont need it anymore'],
    thread: {
      agent: ['Your Stockroom subscription renews automatically on June 30. No action is needed to keep your service running.'],
      replies: ['Actually we do not want it to renew. Please cancel before the 30th.', 'Please cancel it then, we will not need it after this month.'],
    },
  },
  {
    why: 'Wants to cancel an order before it ships.',
    weight: 2,
    subjects: ['Cancel order {order}', 'Please cancel my order', 'Cancel before shipping'],
    problems: [
      'Please cancel order {order}. I ordered the wrong model.',
      'I placed order {order} by mistake twice. Please cancel one of them ({order2}).',
      'Can I still cancel {order}? We found the {item} locally.',
    ],
    asks: ['Please refund the payment.', 'Confirm when it is cancelled.', 'Thanks.'],
    chat: ['cancel order {order} please', 'can i cancel my order before it ships'],
  },
  {
    why: 'Unhappy and cancelling; a save attempt belongs to a human.',
    weight: 1,
    tone: 'upset',
    subjects: ['Cancelling', 'We are leaving', 'Cancel - too many problems'],
    problems: [
      'After the last update the app has been so unreliable that we are moving to another system. Cancel our plan.',
      'Three sync problems this month. I am done. Cancel the subscription and do not charge us again.',
    ],
    asks: ['I want written confirmation.', 'Do not try to sell me a discount.'],
    chat: ['cancel it. the app keeps breaking', 'we are switching, cancel our account'],
  },
];

export const refundTheme = scenarioTheme(REFUNDS, MONEY_FOLLOW_UPS);
export const cancellationTheme = scenarioTheme(CANCELLATIONS, MONEY_FOLLOW_UPS);
