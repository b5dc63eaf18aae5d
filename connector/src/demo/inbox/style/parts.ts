/**
 * The wrapping of real e-mail: greetings, sign-offs, signatures, phone footers and corporate
 * disclaimers. Classifiers have to see through these, so the demo needs plenty of them.
 */
import type { Random } from '../rng.js';
import type { Tone } from '../themes/theme.js';

const GREETINGS = [
  'Hi,', 'Hello,', 'Hi there,', 'Hello Northwind team,', 'Hi Northwind,', 'Dear Northwind Support,', 'Dear Sir or Madam,',
  'Hey,', 'Hi support team,', 'To whom it may concern,', 'Hiya,', 'Hello support,', 'Hi team,', 'Good day,', 'Hi folks,',
  'Dear Support Team,', 'Hey Northwind folks,', 'Hello there,',
] as const;
const EVENING = ['Good evening,', 'Evening all,', 'Hi, sorry to write so late,'] as const;
const MORNING = ['Good morning,', 'Morning,', 'Good morning team,'] as const;
const CURT = ['Hello.', 'Northwind,', 'Support,', 'To whom it may concern,', 'Hi.'] as const;

export function greeting(rng: Random, hour: number, tone: Tone): string {
  if (tone === 'angry') return rng.pick(CURT);
  if ((hour === 22 || hour === 23) && rng.chance(0.2)) return rng.pick(EVENING);
  if (hour >= 5 && hour <= 7 && rng.chance(0.3)) return rng.pick(MORNING);
  return rng.pick(GREETINGS);
}

const CLOSINGS = [
  'Thanks,', 'Thanks!', 'Thank you,', 'Many thanks,', 'Regards,', 'Kind regards,', 'Best regards,', 'Best,', 'Cheers,',
  'Thanks in advance,', 'Appreciate it,', 'Warm regards,', 'All the best,', 'Sincerely,', 'Thanks so much,', 'Thx,',
  'Thank you for your help,', 'Speak soon,',
] as const;
const CURT_CLOSINGS = ['Regards,', '', 'Waiting for your answer.', 'I expect a reply.', 'Sincerely,'] as const;

export function closing(rng: Random, tone: Tone): string {
  return tone === 'angry' ? rng.pick(CURT_CLOSINGS) : rng.pick(CLOSINGS);
}

const TITLES = [
  'Store Manager', 'Owner', 'Operations Lead', 'Office Manager', 'Inventory Coordinator', 'Head of Operations',
  'Purchasing', 'IT Administrator', 'Finance Manager', 'Co-founder', 'Warehouse Supervisor', 'General Manager',
  'Assistant Manager', 'Retail Systems Analyst',
] as const;

function phone(rng: Random, locale: string): string {
  if (locale === 'en-GB') return `+44 20 7946 0${rng.digits(3)}`;
  if (locale === 'en-AU') return `+61 491 570 ${rng.digits(3)}`;
  // 555-01xx is reserved for fiction in North America; used as the fallback everywhere else too.
  return `+1 (${rng.pick(['503', '312', '416', '720', '919'])}) 555-01${rng.digits(2)}`;
}

export interface Signer {
  first: string;
  name: string;
  locale: string;
  org?: string;
  domain?: string;
}

/** A signature block: anything from just a first name to title, company, phone and web site. */
export function signature(rng: Random, who: Signer, tone: Tone): string {
  const shapes: string[] = [who.first, who.name, `- ${who.first}`, who.first.toUpperCase().slice(0, 1)];
  if (tone !== 'angry') shapes.push(`${who.first} :)`);
  if (who.org) {
    const title = rng.pick(TITLES);
    shapes.push(
      `${who.name}\n${title} | ${who.org}`,
      `${who.name}\n${title}\n${who.org}\n${phone(rng, who.locale)}`,
      `${who.name} | ${who.org}\nT: ${phone(rng, who.locale)}${who.domain ? `\nW: www.${who.domain}` : ''}`,
      `--\n${who.name}\n${title}, ${who.org}`,
    );
  } else {
    shapes.push(`${who.name}\n${phone(rng, who.locale)}`);
  }
  return rng.pick(shapes);
}

const DEVICE_FOOTERS = [
  'Sent from my iPhone', 'Sent from my iPad', 'Sent from my Galaxy', 'Get Outlook for iOS', 'Get Outlook for Android',
  'Sent from Mail for Windows', 'Sent from my mobile, please excuse brevity and typos',
] as const;

export function deviceFooter(rng: Random): string {
  return rng.pick(DEVICE_FOOTERS);
}

/** Company boilerplate; written for this demo, modelled on the kinds that pad real mail. */
const DISCLAIMERS = [
  'This message and any attachments are meant only for the person it is addressed to and may contain confidential information. If it reached you by mistake, please tell the sender and delete it. Thank you.',
  'CONFIDENTIALITY: The contents of this e-mail are private to {org}. Using, copying or passing them on without permission is not allowed.',
  'Please consider the environment before printing this e-mail.',
  '{org} will never ask you to change bank details by e-mail. If you receive such a request, call us on the number you already have.',
  'IMPORTANT: This e-mail was sent from {org}. Our office hours are Mon-Fri 8:30-17:00. Messages received outside these hours are answered the next business day.',
  'This e-mail has been scanned for viruses and malware.',
  'Disclaimer: Opinions expressed here are those of the sender and not necessarily of {org}. No contract is formed by this message.',
] as const;

export function disclaimer(rng: Random, org: string): string {
  return rng.pick(DISCLAIMERS).replaceAll('{org}', org);
}
