/**
 * Freshdesk ticket statuses are numbers: 2 Open, 3 Pending, 4 Resolved, 5 Closed, and each
 * account may add custom ones (6 "Waiting on Customer", 7 "Waiting on Third Party" in the
 * ticket_fields sample). The live set comes from GET /api/v2/ticket_fields, whose `status`
 * field carries `choices` as {"<number>": ["Agent label", "Customer label"]}
 * (../shared/freshdesk/FACTS.md §3, api-endpoints.md §2).
 *
 * Baton speaks in neutral status names; this catalogue translates both ways. Custom statuses
 * are unresolved (the search docs treat status:6/7 as unresolved), so they read as `hold`.
 */
import { BatonError } from '../../errors.js';
import type { FdTicketField } from './types.js';

import type { TicketPriority, TicketStatus } from '../port.js';

/** The port's neutral status and priority, under the names this module's tables use. */
export type NeutralStatus = TicketStatus;
export type NeutralPriority = TicketPriority;

export interface StatusChoice {
  id: number;
  agentLabel: string;
  customerLabel: string;
  neutral: NeutralStatus;
}

const BUILT_IN: Record<number, NeutralStatus> = { 2: 'open', 3: 'pending', 4: 'solved', 5: 'closed' };

export const DEFAULT_STATUS_CHOICES: StatusChoice[] = [
  { id: 2, agentLabel: 'Open', customerLabel: 'Being Processed', neutral: 'open' },
  { id: 3, agentLabel: 'Pending', customerLabel: 'Awaiting your Reply', neutral: 'pending' },
  { id: 4, agentLabel: 'Resolved', customerLabel: 'This ticket has been Resolved', neutral: 'solved' },
  { id: 5, agentLabel: 'Closed', customerLabel: 'This ticket has been Closed', neutral: 'closed' },
];

export class StatusCatalogue {
  private readonly byId = new Map<number, StatusChoice>();

  constructor(choices: StatusChoice[] = DEFAULT_STATUS_CHOICES) {
    for (const c of choices) this.byId.set(c.id, c);
  }

  /** Built from the `status` entry of GET /api/v2/ticket_fields; built-ins stay if absent. */
  static fromTicketFields(fields: FdTicketField[]): StatusCatalogue {
    const status = fields.find((f) => f.name === 'status');
    const choices = new Map(DEFAULT_STATUS_CHOICES.map((c) => [c.id, c]));
    if (status && status.choices && typeof status.choices === 'object' && !Array.isArray(status.choices)) {
      for (const [key, labels] of Object.entries(status.choices as Record<string, unknown>)) {
        const id = Number(key);
        if (!Number.isInteger(id)) continue;
        const [agentLabel, customerLabel] = Array.isArray(labels) ? labels.map(String) : [String(labels), String(labels)];
        choices.set(id, { id, agentLabel: agentLabel ?? key, customerLabel: customerLabel ?? agentLabel ?? key, neutral: BUILT_IN[id] ?? 'hold' });
      }
    }
    return new StatusCatalogue([...choices.values()]);
  }

  all(): StatusChoice[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  /** Neutral name of a Freshdesk status number (an unknown number is unresolved: `hold`). */
  neutralOf(id: number): NeutralStatus {
    return this.byId.get(id)?.neutral ?? BUILT_IN[id] ?? 'hold';
  }

  label(id: number): string {
    return this.byId.get(id)?.agentLabel ?? String(id);
  }

  /**
   * The number to write for a neutral status. `new` has no Freshdesk equivalent (a new
   * ticket is Open). `hold` picks the account's "third party" custom status when there is
   * one, else Pending.
   */
  idOf(status: NeutralStatus): number {
    switch (status) {
      case 'new':
      case 'open':
        return 2;
      case 'pending':
        return 3;
      case 'solved':
        return 4;
      case 'closed':
        return 5;
      case 'hold': {
        const custom = this.all().filter((c) => c.id >= 6);
        return (custom.find((c) => /third|hold/i.test(c.agentLabel)) ?? custom[0])?.id ?? 3;
      }
      default:
        throw new BatonError('BAD_REQUEST', `Unknown ticket status "${String(status)}".`, { status: 500 });
    }
  }
}

const PRIORITY_TO_ID: Record<NeutralPriority, number> = { low: 1, normal: 2, high: 3, urgent: 4 };
const PRIORITY_FROM_ID: Record<number, NeutralPriority> = { 1: 'low', 2: 'normal', 3: 'high', 4: 'urgent' };

/** Priority 1 Low, 2 Medium, 3 High, 4 Urgent (FACTS.md §3); Zendesk's "normal" is Medium. */
export const priorityId = (p: NeutralPriority): number => PRIORITY_TO_ID[p];
export const priorityName = (id: number): NeutralPriority => PRIORITY_FROM_ID[id] ?? 'normal';
