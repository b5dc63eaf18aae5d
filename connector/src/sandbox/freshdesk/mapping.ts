/**
 * The shared in-memory helpdesk keeps Zendesk-style records (status names, via channels);
 * the Freshdesk face shows them as Freshdesk's numbers (FACTS.md §3): status 2 Open,
 * 3 Pending, 4 Resolved, 5 Closed and the two custom statuses of the ticket_fields sample,
 * 6 "Waiting on Customer" and 7 "Waiting on Third Party"; priority 1–4; source numbers.
 */
import type { TicketPriority, TicketRecord, TicketStatus, ViaKey } from '../model.js';
import { fdInvalidValue } from './errors.js';

/** Status choices as GET /ticket_fields shows them: number → [agent label, customer label]. */
export const FD_STATUS_CHOICES: Record<number, [string, string]> = {
  2: ['Open', 'Being Processed'],
  3: ['Pending', 'Awaiting your Reply'],
  4: ['Resolved', 'This ticket has been Resolved'],
  5: ['Closed', 'This ticket has been Closed'],
  6: ['Waiting on Customer', 'Awaiting your Reply'],
  7: ['Waiting on Third Party', 'Being Processed'],
};

const TO_MODEL: Record<number, TicketStatus> = { 2: 'open', 3: 'pending', 4: 'solved', 5: 'closed', 6: 'pending', 7: 'hold' };
const FROM_MODEL: Record<TicketStatus, number> = { new: 2, open: 2, pending: 3, hold: 7, solved: 4, closed: 5 };

export const FD_PRIORITY_LABELS: Record<number, string> = { 1: 'Low', 2: 'Medium', 3: 'High', 4: 'Urgent' };
const PRIORITY_TO_MODEL: Record<number, TicketPriority> = { 1: 'low', 2: 'normal', 3: 'high', 4: 'urgent' };
const PRIORITY_FROM_MODEL: Record<TicketPriority, number> = { low: 1, normal: 2, high: 3, urgent: 4 };

/** Where a custom status (6) is remembered: the model has no slot for it. */
export type CustomStatuses = Map<number, number>;

export function fdStatusOf(t: TicketRecord, custom: CustomStatuses): number {
  const c = custom.get(t.id);
  return c !== undefined && TO_MODEL[c] === t.status ? c : FROM_MODEL[t.status];
}

export function modelStatus(value: unknown): TicketStatus {
  const s = typeof value === 'number' ? TO_MODEL[value] : undefined;
  if (!s) throw fdInvalidValue('status', `It should be one of these values: '${Object.keys(TO_MODEL).join(',')}'`);
  return s;
}

/** Freshdesk always has a priority; a ticket created without one is Low (FACTS.md §3 create defaults). */
export const fdPriorityOf = (t: TicketRecord): number => (t.priority ? PRIORITY_FROM_MODEL[t.priority] : 1);

export function modelPriority(value: unknown): TicketPriority {
  const p = typeof value === 'number' ? PRIORITY_TO_MODEL[value] : undefined;
  if (!p) throw fdInvalidValue('priority', "It should be one of these values: '1,2,3,4'");
  return p;
}

/** Ticket source: 1 Email, 2 Portal, 3 Phone, 7 Chat (an API-created ticket defaults to 2). */
export const fdSourceOf = (via: ViaKey): number => ({ email: 1, web: 2, api: 2, rule: 2, chat: 7 })[via];
