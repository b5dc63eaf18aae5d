/**
 * What the pipeline's handlers and timers need, and the routing they share. A module of its
 * own so the event handlers and the timers both import it and not each other.
 */
import type { HelpdeskPort } from '../helpdesk/port.js';
import type { GroupDirectory } from '../handoff/teams.js';
import { routeHandoff, type Routing } from '../handoff/route.js';
import type { StaffDirectory } from '../handoff/staff.js';
import type { Integrations } from '../integrations/from-env.js';
import type { OrganizationDirectory } from '../context/organizations.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Metrics } from '../metrics/registry.js';
import type { Replies } from '../playbooks/replies.js';
import type { Store } from '../store/db.js';
import type { Policy } from '../triage/policy/schema.js';
import type { Decision, Triage } from '../triage/types.js';

export interface PipelineDeps {
  store: Store;
  queue: JobQueue;
  /** The policy in force; its handoff section and fallback team are read at each job. */
  policy: Policy;
  triage: Triage;
  /** Ids of Baton's own API user(s): their comments are not agents answering. */
  selfUserIds: () => ReadonlySet<string>;
  /** The helpdesk of a tenant (one helpdesk account per tenant). */
  helpdeskFor(tenantId: string): HelpdeskPort;
  groupsFor(tenantId: string): GroupDirectory;
  staffFor(tenantId: string): StaffDirectory;
  integrations: Integrations;
  replies: Replies;
  organizationsFor(tenantId: string): OrganizationDirectory;
  metrics: Metrics;
  now?: () => number;
  /** Test hook: called between the helpdesk write and recording it (crash simulation). */
  afterWrite?: (eventId: string) => Promise<void> | void;
}

/** Route a live handoff; shared with the timers. */
export function routeFor(deps: PipelineDeps, tenantId: string, d: Decision, isVip: boolean, now: Date): Promise<Routing> {
  return routeHandoff(d, { groups: deps.groupsFor(tenantId), staff: deps.staffFor(tenantId), config: deps.policy.handoff, fallbackTeam: deps.policy.defaults.fallback_team, vip: isVip, now });
}

/** Minutes until the promise to the customer is due (a closed team: until it opens, plus the pace). */
export function promisedMinutes(r: Routing, now: number): number {
  return r.estimate.online ? r.estimate.minutes : Math.max(1, Math.ceil((r.estimate.opensAt.getTime() - now) / 60_000) + 30);
}
