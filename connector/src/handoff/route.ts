/**
 * Where a handoff goes and what we can honestly promise: the team's group, an agent with
 * the skill and spare capacity, overflow to the next team when everyone is full, and the
 * expected wait from the queue and business hours.
 */
import type { Decision, Reason } from '../triage/types.js';
import { hoursFor, paceFor, type HandoffConfig } from '../triage/policy/handoff-config.js';
import { pickAgent, type Agent, type StaffDirectory, type TeamStaff } from './staff.js';
import type { GroupDirectory } from './teams.js';
import { estimateWait, type WaitEstimate } from './wait-estimate.js';

export interface Routing {
  team: string;
  groupId: string | undefined;
  agent: Agent | null;
  estimate: WaitEstimate;
  /** Set when the first team was full and the ticket went elsewhere. */
  overflow?: Reason;
  /** Set when the team's workload could not be read: the ticket goes to the group, unassigned. */
  staffing?: Reason;
}

/** What routing itself adds to a handoff's reasons (note and tags). */
export function routingReasons(r: Routing | undefined): Reason[] {
  return r ? [r.overflow, r.staffing].filter((x): x is Reason => x !== undefined) : [];
}

const NO_STAFF: TeamStaff = { agents: [], queueDepth: 0 };

export async function routeHandoff(d: Decision, deps: { groups: GroupDirectory; staff: StaffDirectory; config: HandoffConfig; fallbackTeam: string; vip: boolean; now: Date }): Promise<Routing> {
  const skill = deps.config.skills[deps.vip ? 'vip' : d.intent];
  const first = d.team ?? deps.fallbackTeam;
  let team = first;
  const visited = new Set<string>();
  for (;;) {
    visited.add(team);
    const groupId = await deps.groups.groupIdFor(team);
    let staff = NO_STAFF;
    let staffing: Reason | undefined;
    try {
      if (groupId !== undefined) staff = await deps.staff.staffFor(groupId);
    } catch (err) {
      // The handoff matters more than picking the best agent: the group's queue will do.
      staffing = { code: 'staffing_unavailable', text: `${team} workload could not be read (${(err as Error).message}); sent to the group unassigned` };
    }
    const agent = pickAgent(staff, skill);
    const next = deps.config.overflow[team];
    const full = staff.agents.length > 0 && agent === null;
    if (full && next && !visited.has(next)) {
      team = next;
      continue;
    }
    const pace = paceFor(deps.config, team);
    const free = staff.agents.filter((a) => a.open < a.capacity).length;
    const estimate = estimateWait({ hours: hoursFor(deps.config, team), queueDepth: staff.queueDepth, agentsAvailable: free, baseMinutes: pace.base_minutes, minutesPerTicket: pace.minutes_per_ticket, now: deps.now });
    const assigned = deps.config.assign && estimate.online ? agent : null;
    if (groupId !== undefined) deps.staff.noteAssigned(groupId, assigned?.id ?? null);
    return {
      team,
      groupId,
      agent: assigned,
      estimate,
      ...(team !== first ? { overflow: { code: 'overflow', text: `${first} team at capacity; overflowed to ${team}` } } : {}),
      ...(staffing ? { staffing } : {}),
    };
  }
}
