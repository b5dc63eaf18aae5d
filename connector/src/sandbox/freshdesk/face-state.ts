/**
 * What the Freshdesk face remembers beyond the shared helpdesk model: custom statuses,
 * which comments were posted as notes (a public note is not a reply), the automation rules,
 * and what the current API write is (the rule engine hears of it through the shared ticket
 * service's change announcement).
 */
import type { AutomationRule, WriteContext } from './rule-types.js';
import type { CustomStatuses } from './mapping.js';

export class FreshdeskFaceState {
  readonly customStatuses: CustomStatuses = new Map();
  readonly noteCommentIds = new Set<number>();
  readonly rules = new Map<number, AutomationRule>();
  current: WriteContext = {};
  private nextRule = 5001;

  constructor(readonly apiKey: string) {}

  nextRuleId(): number {
    return this.nextRule++;
  }

  /** Runs one write with its context visible to the rule engine. */
  during<T>(ctx: WriteContext, write: () => T): T {
    this.current = ctx;
    try {
      return write();
    } finally {
      this.current = {};
    }
  }
}
