/**
 * The overnight inbox for `baton demo`: 500 support tickets for the fictional Northwind Supply
 * (scanning and POS hardware plus the Stockroom inventory app), generated from a seed, with
 * the author's expected intent, escalation and team for each. See build.ts for how a night
 * is assembled and labels.ts for the labelling rules.
 */
export type {
  Channel,
  InboxExpectation,
  InboxFollowUp,
  InboxOrganization,
  InboxRequester,
  InboxTicket,
  Intent,
  OvernightInbox,
  Plan,
  Team,
} from './types.js';
export { INTENTS, TEAMS } from './types.js';
export { buildOvernightInbox, DEFAULT_SEED, DEFAULT_SIZE, MIN_SIZE, type BuildOptions } from './build.js';
export { isVipOrganization } from './organizations.js';
export { isRoutine } from './labels.js';
export { NIGHT_START_HOUR, NIGHT_MINUTES } from './schedule.js';

import type { InboxTicket, Intent } from './types.js';
import { INTENTS } from './types.js';

/** Tickets per intent label, every intent present (zero when absent); for the demo summary. */
export function intentCounts(tickets: readonly InboxTicket[]): Record<Intent, number> {
  const counts = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
  for (const t of tickets) counts[t.expected.intent]++;
  return counts;
}
