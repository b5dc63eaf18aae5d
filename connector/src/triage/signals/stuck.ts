/**
 * Stuck and loop rules: the AI is not resolving the conversation.
 *  - at triage: another AI answer would be one more than `max_ai_messages` without resolution;
 *  - on a timer: the customer has been silent `silence_minutes` after an AI message.
 * The timer part is exported for the job scheduler: it asks when to look again
 * (`silenceDeadline`) and, when the time comes, whether to escalate (`checkSilence`).
 */
import type { Priority, Reason, TicketAutomationState } from '../types.js';
import type { Policy } from '../policy/schema.js';

export interface StuckReading {
  stuck: boolean;
  /** AI messages already sent without resolution. */
  aiMessages: number;
  reason?: Reason;
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Would answering this message make one AI message too many? */
export function readStuck(policy: Policy, ticket: TicketAutomationState): StuckReading {
  const sent = Math.max(0, ticket.aiMessageCount);
  const next = sent + 1;
  if (next <= policy.stuck.max_ai_messages) return { stuck: false, aiMessages: sent };
  return {
    stuck: true,
    aiMessages: sent,
    reason: {
      code: 'stuck_ai_messages',
      text: `${ordinal(next)} AI message without resolution (limit ${policy.stuck.max_ai_messages})`,
    },
  };
}

export interface SilenceState {
  /** When the AI last wrote to the customer (ISO time); nothing to check without it. */
  lastAiMessageAt?: string;
  /** When the customer last wrote (ISO time), if after the AI message the wait is over. */
  lastCustomerMessageAt?: string;
  /** Ticket state from the store; only tickets the AI still holds ('ai') are checked. */
  state: string;
}

/** When the silence rule would fire for this AI message, or null when it cannot. */
export function silenceDeadline(policy: Policy, lastAiMessageAt: string | undefined): Date | null {
  if (!lastAiMessageAt) return null;
  const at = Date.parse(lastAiMessageAt);
  if (Number.isNaN(at)) return null;
  return new Date(at + policy.stuck.silence_minutes * 60_000);
}

export interface SilenceEscalation {
  reason: Reason;
  priority: Priority;
  /** Minutes since the AI message. */
  silentMinutes: number;
}

/**
 * For the timer: should this ticket go to a human now because the customer went quiet
 * after an AI message? Returns the reason to record, or null (not yet, replied, or not
 * held by the AI any more).
 */
export function checkSilence(policy: Policy, s: SilenceState, now: Date): SilenceEscalation | null {
  if (s.state !== 'ai') return null;
  const deadline = silenceDeadline(policy, s.lastAiMessageAt);
  if (!deadline || now.getTime() < deadline.getTime()) return null;
  const aiAt = Date.parse(s.lastAiMessageAt!);
  const customerAt = s.lastCustomerMessageAt ? Date.parse(s.lastCustomerMessageAt) : NaN;
  if (!Number.isNaN(customerAt) && customerAt >= aiAt) return null;
  const silentMinutes = Math.floor((now.getTime() - aiAt) / 60_000);
  return {
    priority: policy.stuck.priority,
    silentMinutes,
    reason: {
      code: 'customer_silent',
      text: `no reply from the customer ${silentMinutes} min after the AI message (limit ${policy.stuck.silence_minutes} min)`,
    },
  };
}

/** Convenience for the timer when it holds the full automation state. */
export function checkSilenceForTicket(policy: Policy, ticket: TicketAutomationState, lastCustomerMessageAt: string | undefined, now: Date): SilenceEscalation | null {
  return checkSilence(policy, { lastAiMessageAt: ticket.lastAiMessageAt, lastCustomerMessageAt, state: ticket.state }, now);
}
