/**
 * The contract between the text themes and the builder. A theme writes what the customer
 * says (a Draft); the builder decides who says it, when, and through which channel, and the
 * dressing step adds what real mail carries around the words (greeting, signature, quote).
 */
import type { Vars } from '../details.js';
import type { OrgRecord } from '../organizations.js';
import type { Person } from '../people.js';
import type { Random } from '../rng.js';
import type { Channel, InboxFollowUp, Team } from '../types.js';

export type Tone = 'calm' | 'upset' | 'angry';

export interface ThemeContext {
  rng: Random;
  channel: Channel;
  person: Person;
  org: OrgRecord | undefined;
  vars: Vars;
  /** Local hour of arrival (22, 23, 0 .. 7), for "sorry to write so late" and "good morning". */
  hour: number;
}

export interface Draft {
  subject: string;
  /** The customer's own words, without greeting, signature or quoted history. */
  body: string;
  tone: Tone;
  /** An earlier agent reply this message answers; e-mail dressing quotes it underneath. */
  quote?: string;
  /** Short by nature (a thank-you, spam): no background paragraphs, P.S. or quoted acknowledgement. */
  brief?: boolean;
  /** Complete as written (auto-replies, other-language mail): nothing is added or misspelt. */
  raw?: boolean;
  followUps: InboxFollowUp[];
  /** Set when only one channel makes sense (an auto-reply is always e-mail). */
  channel?: Channel;
  /** Why the ticket must reach a human even though its intent is routine (e.g. an angry follow-up). */
  escalateBecause?: string;
  /** Team when the intent's usual team does not fit (a how-to that failed goes to product support). */
  team?: Team;
  why: string;
}

export type Theme = (ctx: ThemeContext) => Draft;
