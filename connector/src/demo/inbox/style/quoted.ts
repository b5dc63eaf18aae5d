/**
 * Quoted history under a reply, in the shapes the big mail clients produce. Triage has to
 * read the customer's new words and not the agent's old ones, so the demo includes all of:
 * Gmail "On ... wrote:" with "> " lines, Apple Mail, Outlook's header block, and the
 * helpdesk's own "reply above this line" notification.
 */
import type { Random } from '../rng.js';

const SUPPORT_ADDRESS = 'support@northwind.example.com';
const AGENTS = ['Sam', 'Jordan', 'Priyanka', 'Mateo', 'Alex', 'Robin', 'Keisha', 'Lars'] as const;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

interface When {
  day: number; // of June 2024; the demo night is Tuesday 11 June
  hour: number;
  minute: number;
}

function weekday(day: number): number {
  // 1 June 2024 was a Saturday.
  return (day + 5) % 7;
}

function clock12(w: When): string {
  const h = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return `${h}:${String(w.minute).padStart(2, '0')} ${w.hour < 12 ? 'AM' : 'PM'}`;
}

function clock24(w: When): string {
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

function prefixed(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

export interface QuoteInput {
  /** The agent's earlier reply, without greeting or sign-off. */
  text: string;
  customerFirst: string;
  customerName: string;
  customerEmail: string;
  subject: string;
}

/** The earlier agent message, framed as the customer's mail client would show it. */
export function quotedReply(rng: Random, q: QuoteInput): string {
  const agent = rng.pick(AGENTS);
  const when: When = { day: rng.int(3, 11), hour: rng.int(8, 17), minute: rng.int(0, 59) };
  const wd = weekday(when.day);
  const letter = `Hi ${q.customerFirst},\n\n${q.text}\n\n${rng.pick(['Best', 'Kind regards', 'Thanks', 'All the best'])},\n${agent}\nNorthwind Support`;
  const style = rng.pick(['gmail', 'gmail', 'apple', 'outlook', 'helpdesk'] as const);
  switch (style) {
    case 'gmail':
      return `On ${DAYS[wd]}, Jun ${when.day}, 2024 at ${clock12(when)} Northwind Support <${SUPPORT_ADDRESS}> wrote:\n${prefixed(letter)}`;
    case 'apple':
      return `> On ${when.day} Jun 2024, at ${clock24(when)}, Northwind Support <${SUPPORT_ADDRESS}> wrote:\n>\n${prefixed(letter)}`;
    case 'outlook':
      return [
        '________________________________',
        `From: Northwind Support <${SUPPORT_ADDRESS}>`,
        `Sent: ${LONG_DAYS[wd]}, June ${when.day}, 2024 ${clock12(when)}`,
        `To: ${q.customerName} <${q.customerEmail}>`,
        `Subject: ${q.subject}`,
        '',
        letter,
      ].join('\n');
    case 'helpdesk': {
      const notification = [
        '##- Please type your reply above this line -##',
        '',
        `${agent} (Northwind Support)`,
        `Jun ${when.day}, 2024, ${clock12(when)} PDT`,
        '',
        letter,
        '',
        'This email is a service from Northwind Support.',
      ].join('\n');
      return `On ${DAYS[wd]}, Jun ${when.day}, 2024 at ${clock12(when)} Northwind Support <${SUPPORT_ADDRESS}> wrote:\n${prefixed(notification)}`;
    }
  }
}
