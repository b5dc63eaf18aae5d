/**
 * The policy's time rules: how long the customer has been waiting in this conversation,
 * and when the message arrived (during or outside some hours, in a time zone). Each rule
 * whose every condition holds fires, and a firing rule hands the message to a person.
 *
 * Waiting is measured from the customer's first message in the conversation (the history
 * Baton has), so a thread that drags on for days reaches a person even when each message
 * on its own looks routine.
 */
import { isOpen, type BusinessHours } from '../../calendar/business-hours.js';
import type { Policy, TimeRulePolicy } from '../policy/schema.js';
import type { TriageInput } from '../types.js';

export interface TimeRuleHit {
  rule: TimeRulePolicy;
  /** Why, in words an agent reads: "customer first wrote 50 h ago (over 48 h)". */
  text: string;
}

/** Minutes since the customer's first message in the conversation (0 for a new ticket). */
export function waitingMinutes(input: TriageInput): number {
  const first = input.history.find((t) => t.role === 'customer');
  if (!first) return 0;
  const since = Date.parse(first.at);
  return Number.isFinite(since) ? Math.max(0, (input.now.getTime() - since) / 60_000) : 0;
}

function span(minutes: number): string {
  if (minutes < 120) return `${Math.round(minutes)} min`;
  if (minutes < 72 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const stampFormats = new Map<string, Intl.DateTimeFormat>();

function localStamp(at: Date, timezone: string): string {
  let f = stampFormats.get(timezone);
  if (!f) stampFormats.set(timezone, (f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f.format(at);
}

const hoursText = (h: BusinessHours) => `${h.days.join(', ')} ${h.open}–${h.close} ${h.timezone}`;

export function readTimeRules(policy: Policy, input: TriageInput, intent: string): TimeRuleHit[] {
  if (policy.time_rules.length === 0) return [];
  const waited = waitingMinutes(input);
  const hits: TimeRuleHit[] = [];
  for (const rule of policy.time_rules) {
    if (rule.intents && !rule.intents.includes(intent)) continue;
    const why: string[] = [];
    if (rule.waiting_minutes_over !== undefined) {
      if (waited <= rule.waiting_minutes_over) continue;
      why.push(`customer first wrote ${span(waited)} ago (over ${span(rule.waiting_minutes_over)})`);
    }
    if (rule.during) {
      if (!isOpen(rule.during, input.now)) continue;
      why.push(`arrived ${localStamp(input.now, rule.during.timezone)}, within ${hoursText(rule.during)}`);
    }
    if (rule.outside) {
      if (isOpen(rule.outside, input.now)) continue;
      why.push(`arrived ${localStamp(input.now, rule.outside.timezone)}, outside ${hoursText(rule.outside)}`);
    }
    hits.push({ rule, text: `time rule ${rule.name}: ${why.join('; ')}` });
  }
  return hits;
}
