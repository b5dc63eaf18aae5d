/**
 * Where is my order: the other half of the routine night. The order-status playbook can look
 * these up; a customer who has waited weeks and says so is a different matter.
 */
import { scenarioTheme, type Scenario } from './compose.js';

const ORDER_FOLLOW_UPS = {
  calm: [
    'The tracking link in your reply does not open for me, can you paste the number?',
    'Thanks. Also, can it be left with a neighbour if nobody is in?',
    'Arrived just now, thanks!',
    'Sorry, wrong order number before, it is {order2}.',
  ],
  angry: [
    'It has been {weeks}. "In transit" tells me nothing. Where is it?',
    "I've tried that already, the tracking page has said the same thing for {days} days.",
    'This isn\'t working for me. I paid for express shipping and I want a straight answer.',
    'STILL NOT HERE. I HAVE A STORE OPENING ON SATURDAY.',
  ],
  rate: 0.14,
  angryShare: 0.4,
};

const ORDER_STATUS: readonly Scenario[] = [
  {
    why: 'Asks where an order is; the order-status playbook can look it up.',
    weight: 5,
    subjects: ['Where is my order?', 'Order {order}', 'Order status', 'Status of order {order}', 'When will my order ship?', 'Delivery question', 'order {order} ??', 'Has my order shipped?'],
    openers: [
      'I placed an order {ordered} and have not heard anything since the confirmation.',
      'Just checking on an order for {org}.',
      'We are setting up a new till point and are waiting on hardware.',
      'Hope you are well.',
      'Quick question about a delivery.',
    ],
    problems: [
      'Could you tell me where order {order} is? I ordered the {product}.',
      'My order {order} still shows "processing" and it was placed {ordered}.',
      'I have not received a shipping confirmation for order {order} yet.',
      'When is order {order} going to ship? It has the {item} and {other} in it.',
      'Can you give me an update on {order}? I was told it would arrive {eta}.',
      'I ordered {qty} x {product} {ordered} and nothing has arrived yet.',
      'What is the status of my order? The number is {order}.',
      'I need to know when {order} will be delivered to {city}.',
    ],
    details: [
      'The confirmation e-mail said 3-5 business days.',
      'I paid {amount} by card ending {last4}.',
      'Delivery address is our shop in {city}.',
      'We need the {item} before the weekend.',
      'I chose standard shipping.',
      'Nobody has called or left a card.',
    ],
    asks: ['Can you check for me?', 'Please let me know.', 'Could you send me the tracking number?', 'Any idea when it will arrive?', 'Thanks for checking.'],
    chat: [
      'where is my order {order}',
      'hi, any update on order {order}?',
      'order {order} hasnt shipped yet?',
      'when will my {item} arrive',
      'Hello, I want to know status of my order {order}',
      'has {order} shipped',
      'tracking for {order} pls',
    ],
    thread: {
      agent: [
        'Your order {order} is being packed at our warehouse and should ship within 1-2 business days. You will receive a tracking number by e-mail as soon as it leaves.',
        'Thanks for your order! Order {order} has been confirmed and will ship {eta}.',
      ],
      replies: [
        'It has been a few days since this message and I still have no tracking number. Can you check?',
        'Following up, the order has still not shipped as far as I can see.',
        'Thanks. Has it shipped yet? I have not had the tracking e-mail.',
      ],
    },
    followUps: ORDER_FOLLOW_UPS,
  },
  {
    why: 'Tracking has not moved; the order-status playbook can report the carrier status.',
    weight: 3,
    subjects: ['Tracking not updating', 'Parcel stuck in transit', 'Tracking {tracking}', 'Shipment hasn\'t moved', 'Order {order} tracking'],
    problems: [
      'The {carrier} tracking for my order ({tracking}) has not updated in {days} days.',
      'My parcel has been "in transit" since {ordered}. Order {order}.',
      'Tracking number {tracking} says "label created" and nothing else.',
      '{carrier} shows my package at a depot and it has not moved since.',
      'The tracking link in your shipping e-mail for {order} shows no information.',
    ],
    details: ['It is the {product}.', 'Is it lost?', 'Our address is in {city}.', 'It was supposed to arrive {eta}.'],
    asks: ['Can you find out what is going on?', 'Could you chase the carrier?', 'When can I expect it?', 'Please advise.'],
    chat: ['tracking {tracking} not moving for days', 'my parcel stuck in transit, order {order}', '{carrier} tracking hasnt changed since last week'],
    thread: {
      agent: ['Good news, your order {order} is on its way! Carrier: {carrier}. Tracking number: {tracking}. Please allow 24 hours for tracking to update.'],
      replies: ['The tracking number in this e-mail has shown the same status for {days} days now. Is the parcel lost?', 'This was a week ago and the tracking still says label created.'],
    },
    followUps: ORDER_FOLLOW_UPS,
  },
  {
    why: 'Part of the order arrived; the order-status playbook can show the split shipment.',
    weight: 2,
    subjects: ['Only part of my order arrived', 'Missing item from order {order}', 'Partial delivery'],
    problems: [
      'My order {order} arrived but only the {item} was in the box, not the {other}.',
      'I received one box today. The packing slip lists {qty} items, but the {other} never showed up.',
      'Got the delivery for {order}, the {other} was not in it. Is it coming separately?',
    ],
    asks: ['Is the rest on its way?', 'Can you check if it shipped separately?', 'Where is the rest of it?'],
    chat: ['only got half my order {order}', 'is the {other} shipping separately?'],
    followUps: ORDER_FOLLOW_UPS,
  },
  {
    why: 'Backordered item; the order-status playbook can give the expected ship date.',
    weight: 2,
    subjects: ['Backorder ETA', 'When is {item} back in stock', 'Back-ordered item on {order}'],
    problems: [
      'My order {order} says the {item} is on backorder. When will it ship?',
      'I got an e-mail saying part of my order is back-ordered. How long is the wait usually?',
      'The {product} on my order shows "awaiting stock". Do you have a date?',
    ],
    asks: ['A rough date is fine.', 'Should I wait or order something else?', 'Thanks.'],
    chat: ['when is the {item} back in stock? on backorder for {order}', 'backorder date for {order}?'],
    followUps: ORDER_FOLLOW_UPS,
  },
  {
    why: 'Carrier says delivered but the customer cannot find it; the order-status playbook can share proof of delivery first.',
    weight: 1,
    subjects: ['Says delivered but not here', 'Package marked delivered', 'Order {order} not received'],
    problems: [
      'Tracking says my order was delivered at 2:14pm today but there is nothing at my door.',
      '{carrier} marked {order} as delivered yesterday. I was home all day and nobody came.',
      'My order shows delivered but the building manager does not have it either.',
    ],
    asks: ['Can you check where they left it?', 'Is there a photo or signature?', 'What should I do?'],
    chat: ['it says delivered but no package here', 'order {order} marked delivered, not received'],
    followUps: ORDER_FOLLOW_UPS,
  },
];

export const orderStatusTheme = scenarioTheme(ORDER_STATUS, { angryTeam: 'general_support' });
