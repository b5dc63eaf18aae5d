/**
 * The noise every inbox has: thank-yous, out-of-office auto-replies to our own mails, spam,
 * messages meant for someone else. Nothing to do but close them, and a system that answers
 * them wastes everybody's time.
 */
import { fill } from '../rng.js';
import { composeScenario, type Scenario } from './compose.js';
import type { Theme, ThemeContext } from './theme.js';

const NONE = { rate: 0 };

const THANKS: Scenario = {
  why: 'A thank-you after an earlier answer; nothing to do.',
  subjects: ['Thank you!', 'Thanks', 'Sorted', 'Re: your order {order}', 'All good now'],
  problems: [
    'Thanks so much, that fixed it!',
    'All working now, thank you for the quick help.',
    'Just wanted to say thanks to Sam who helped me yesterday, really appreciated.',
    'Got the {item} today, everything works. Thanks!',
    'Perfect, that is exactly what I needed.',
    'Never mind my earlier message, I found it in the settings. Thanks anyway!',
  ],
  chat: ['thanks!', 'thank you, all sorted', 'perfect thanks', 'great, that worked', 'ok thanks bye'],
  followUps: NONE,
  brief: true,
};

const SPAM: Scenario = {
  why: 'Unsolicited marketing; ignore.',
  subjects: [
    'Partnership opportunity',
    'Guest post on your blog?',
    'Boost your Google ranking',
    'Quick question about northwind.example.com',
    'Lead generation for Northwind Supply',
    'Re: invoice',
  ],
  problems: [
    'I came across your website and noticed it is not ranking on the first page of Google for "inventory software". Our SEO team can fix that for a small monthly fee.',
    'We would love to publish a guest article on your blog. We pay $50 per post with one do-follow link.',
    'We help B2B companies like Northwind Supply book 30+ sales meetings a month. Do you have 15 minutes this week?',
    'Your website has 14 accessibility errors. Reply YES for a free audit.',
    'We offer high quality mobile app development at very affordable rates. Reply for our portfolio.',
  ],
  chat: ['hi, we offer SEO services, interested?', 'want more traffic to your site? reply yes'],
  followUps: NONE,
  brief: true,
};

const MISDIRECTED: Scenario = {
  why: 'Meant for someone else or not a request; nothing to do.',
  subjects: ['(no subject)', 'hello'],
  problems: [
    { subject: 'test', text: 'test' },
    { subject: 'Wrong address sorry', text: 'Sorry, this was meant for our accountant. Please ignore.' },
    { subject: 'Unsubscribe', text: 'Please take me off your newsletter list.' },
    { subject: 'Job application', text: 'Hi, I would like to apply for the warehouse assistant job I saw advertised. CV attached.' },
    { subject: 'Fwd: lunch on Friday', text: 'Are we still on for lunch Friday? -J' },
    { subject: 'Test', text: 'Testing if this address works.' },
  ],
  chat: ['test', 'hello?', 'sorry wrong chat', 'hi'],
  followUps: NONE,
  brief: true,
};

const OUT_OF_OFFICE = [
  'Thank you for your e-mail. I am out of the office until {back} with limited access to e-mail. For urgent matters please contact {colleague}.',
  'I am currently on annual leave, returning {back}. Your message will not be forwarded.',
  'Hello, I am away from the office at the moment and will reply when I am back on {back}. Thank you for your patience.',
  'This is an automatic reply. I am travelling this week and checking e-mail only occasionally. I will respond as soon as I can.',
  'Thanks for your message. Our office is closed for the holiday and will reopen on {back}.',
] as const;

const BACK = ['Monday 17 June', 'June 14th', 'the 24th', 'Thursday', 'next week', 'Tuesday 18th June'] as const;

/** An auto-reply to one of our own e-mails: written by a mail server, so no greeting or typos. */
function outOfOffice(ctx: ThemeContext): ReturnType<Theme> {
  const { rng, vars, person, org } = ctx;
  const colleague = org ? `${rng.pick(['accounts', 'office', 'orders'])}@${org.domain}` : 'my colleague';
  const text = fill(rng.pick(OUT_OF_OFFICE), { ...vars, back: rng.pick(BACK), colleague });
  const original = fill(rng.pick(['Your order {order} has shipped', 'Your Northwind invoice {invoice}', 'Request #{ticketRef} updated', 'How did we do?']), vars);
  const prefix = rng.pick(['Automatic reply', 'Out of Office', 'Auto-Reply', 'Out of office']);
  return {
    subject: `${prefix}: ${original}`,
    body: `${text}\n\n${person.name}${org ? `\n${org.name}` : ''}`,
    tone: 'calm',
    raw: true,
    channel: 'email',
    followUps: [],
    why: 'Out-of-office auto-reply to one of our own e-mails; must not be answered.',
  };
}

export const otherTheme: Theme = (ctx) => {
  const kind = ctx.rng.weighted([['thanks', 4], ['ooo', 3], ['spam', 2], ['misdirected', 2]] as const);
  if (kind === 'ooo') return outOfOffice(ctx);
  const scenario = kind === 'thanks' ? THANKS : kind === 'spam' ? SPAM : MISDIRECTED;
  return composeScenario(ctx, scenario);
};
