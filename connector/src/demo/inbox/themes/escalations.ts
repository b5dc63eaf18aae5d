/**
 * Complaints and requests for a person. Both always reach a human; the complaints range from
 * polite disappointment to capitals, because tone detection has to cope with all of it.
 */
import { scenarioTheme, type Scenario } from './compose.js';

const COMPLAINTS: readonly Scenario[] = [
  {
    why: 'Complains about slow or missing support responses.',
    weight: 3,
    tone: 'angry',
    shout: 0.25,
    subjects: ['Terrible support', 'No one answers', 'Complaint', 'Very disappointed', 'Still waiting - unacceptable', 'Third e-mail about this'],
    openers: [
      'I am writing to complain.',
      'I have been a customer for four years and I have never been this frustrated.',
      'I have written {n} times about the same thing now.',
    ],
    problems: [
      'I opened ticket #{ticketRef} {weeks} ago and nobody has replied.',
      'Every time I write in I get a different answer and nothing gets fixed.',
      'Your chat says someone will reply within an hour. It has been {days} days.',
      'I was promised a call back about order {order} and it never happened.',
    ],
    details: ['We have been on the {plan} plan for years.', 'I have had to explain the problem to three different people.', 'My staff are wasting hours on this.'],
    asks: ['I expect a proper answer today.', 'Frankly this is terrible service.', 'Someone senior needs to look at this.'],
    chat: ['this is terrible, nobody ever replies', 'i am so frustrated, waited days for an answer', 'WHY DOES NOBODY ANSWER MY TICKETS'],
    thread: {
      agent: ['Thank you for contacting Northwind Support. We have received your request and will get back to you within 24 hours.'],
      replies: ['That was {days} days ago. Nobody got back to me. This is not acceptable.', 'Your "24 hours" was a week ago. I am extremely frustrated.'],
    },
  },
  {
    why: 'Complains about product quality or repeated delivery problems.',
    weight: 2,
    tone: 'upset',
    subjects: ['Poor quality', 'Not good enough', 'Complaint', 'Really disappointed'],
    problems: [
      'This is the second {item} in a month that has stopped working. The quality is just not what it used to be.',
      'Our last two deliveries arrived damaged. Whoever packs your boxes does not care.',
      'The new app update is a step backwards. Everything takes more taps and my staff hate it.',
      'Your courier threw the box over our gate in the rain.',
    ],
    details: ['It is not the first time either.', 'We have recommended you to other shops. I would not right now.'],
    asks: ['I want to know what you are going to do about it.', 'Please pass this to someone who can change things.', 'Very disappointed.'],
    chat: ['second broken {item} this month, really unhappy', 'your update made everything worse honestly'],
  },
  {
    why: 'Angry about how they were treated; needs a human and an apology.',
    weight: 1,
    tone: 'angry',
    shout: 0.5,
    subjects: ['Rude agent', 'Disgraceful', 'Unacceptable behaviour', 'WORST EXPERIENCE'],
    problems: [
      'The agent I spoke to on the phone today was rude and hung up on me.',
      'I was told my problem was "user error" when it clearly was not. That is insulting.',
      'I have never been treated so badly by a supplier. Nobody listens.',
    ],
    asks: ['I want a manager to call me.', 'I expect an apology.'],
    chat: ['your agent was rude to me today', 'WORST SUPPORT EVER'],
  },
];

const HUMAN: readonly Scenario[] = [
  {
    why: 'Asks to talk to a person rather than automation.',
    tone: 'upset',
    shout: 0.08,
    subjects: ['Speak to a person', 'Human please', 'Call me back', 'Need a real person', 'Agent please'],
    problems: [
      'Can I please speak to a real person? Your bot keeps sending me articles.',
      'I would like someone to call me about my account. My number is in my signature.',
      'Please put me through to a human agent.',
      'I do not want automated answers. I need a person to look at my account.',
      'Is there a phone number I can call? I would rather explain this to someone.',
    ],
    details: ['It is about order {order}.', 'It is a bit complicated to explain in writing.', 'I am free after 9am.'],
    asks: ['Thanks.', 'As soon as possible please.'],
    chat: ['human', 'agent', 'talk to a human please', 'real person please', 'can i speak to someone', 'representative', 'stop sending me articles, i want a person', 'operator pls'],
  },
];

export const complaintTheme = scenarioTheme(COMPLAINTS, { rate: 0.1, angryShare: 0.8 });
export const humanRequestTheme = scenarioTheme(HUMAN, { rate: 0.1, angryShare: 0.6 });
