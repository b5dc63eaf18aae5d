/**
 * Who can take a handoff: a group's agents, their skills (agent tags `skill_<name>`), their
 * capacity (user field `max_open_tickets`) and current load (open tickets assigned to
 * them), and the group's queue. Agents and memberships change rarely and are cached for
 * ten minutes; load changes constantly and is read at most every 30 seconds per group.
 *
 * Load comes from search, which answers at most 1,000 results per query. A group with more
 * open tickets than that is counted instead (/search/count: the queue, then each agent),
 * so a busy group never looks emptier than it is.
 */
import type { ZendeskGateway } from '../helpdesk/zendesk/gateway.js';
import type { ZdTicket, ZdUser } from '../helpdesk/zendesk/types.js';

export interface Agent {
  id: number;
  name: string;
  skills: string[];
  capacity: number;
  open: number;
}

export interface TeamStaff {
  agents: Agent[];
  /** Open tickets in the group nobody has picked up yet. */
  queueDepth: number;
}

interface GroupLoad {
  /** Open tickets in the group per assignee. */
  openBy: Map<number, number>;
  queueDepth: number;
}

const DEFAULT_CAPACITY = 20;
/** Zendesk's search answers at most this many results per query. */
const SEARCH_RESULT_LIMIT = 1000;

export class StaffDirectory {
  private roster: { at: number; agents: Map<number, ZdUser>; members: Map<number, number[]> } | null = null;
  private loads = new Map<number, { at: number; load: GroupLoad }>();

  constructor(private readonly gateway: ZendeskGateway, private readonly rosterTtlMs = 10 * 60_000, private readonly loadTtlMs = 30_000) {}

  async staffFor(groupId: number): Promise<TeamStaff> {
    const roster = await this.loadRoster();
    const memberIds = roster.members.get(groupId) ?? [];
    const { openBy, queueDepth } = await this.groupLoad(groupId, memberIds);
    const agents = memberIds
      .map((id) => roster.agents.get(id))
      .filter((u): u is ZdUser => u !== undefined)
      .map((u) => ({
        id: u.id,
        name: u.name,
        skills: (u.tags ?? []).filter((t) => t.startsWith('skill_')).map((t) => t.slice(6)),
        capacity: Number(u.user_fields?.max_open_tickets ?? DEFAULT_CAPACITY) || DEFAULT_CAPACITY,
        open: openBy.get(u.id) ?? 0,
      }));
    return { agents, queueDepth };
  }

  /** Count a ticket just routed (to an agent, or to the queue), so the next handoff in the same 30 s sees it. */
  noteAssigned(groupId: number, ticket: Pick<ZdTicket, 'assignee_id'>): void {
    const cached = this.loads.get(groupId);
    if (!cached) return;
    if (ticket.assignee_id) cached.load.openBy.set(ticket.assignee_id, (cached.load.openBy.get(ticket.assignee_id) ?? 0) + 1);
    else cached.load.queueDepth++;
  }

  private async loadRoster() {
    if (this.roster && Date.now() - this.roster.at < this.rosterTtlMs) return this.roster;
    const [agents, memberships] = await Promise.all([this.gateway.listAgents(), this.gateway.listGroupMemberships()]);
    const members = new Map<number, number[]>();
    for (const m of memberships) members.set(m.group_id, [...(members.get(m.group_id) ?? []), m.user_id]);
    this.roster = { at: Date.now(), agents: new Map(agents.map((a) => [a.id, a])), members };
    return this.roster;
  }

  private async groupLoad(groupId: number, memberIds: number[]): Promise<GroupLoad> {
    const hit = this.loads.get(groupId);
    if (hit && Date.now() - hit.at < this.loadTtlMs) return hit.load;
    const open = `type:ticket group:${groupId} status<solved`;
    const total = await this.gateway.countSearch(open);
    let load: GroupLoad;
    if (total <= SEARCH_RESULT_LIMIT) {
      const openBy = new Map<number, number>();
      let queueDepth = 0;
      for (const t of await this.gateway.searchTickets(open)) {
        if (t.assignee_id) openBy.set(t.assignee_id, (openBy.get(t.assignee_id) ?? 0) + 1);
        else queueDepth++;
      }
      load = { openBy, queueDepth };
    } else {
      const openBy = new Map<number, number>();
      for (const id of memberIds) openBy.set(id, await this.gateway.countSearch(`${open} assignee:${id}`));
      load = { openBy, queueDepth: await this.gateway.countSearch(`${open} assignee:none`) };
    }
    this.loads.set(groupId, { at: Date.now(), load });
    return load;
  }
}

/** The least-loaded agent with spare capacity, preferring one with the wanted skill. */
export function pickAgent(staff: TeamStaff, skill: string | undefined): Agent | null {
  const free = staff.agents.filter((a) => a.open < a.capacity);
  if (free.length === 0) return null;
  const skilled = skill ? free.filter((a) => a.skills.includes(skill)) : [];
  const pool = skilled.length > 0 ? skilled : free;
  return [...pool].sort((a, b) => a.open / a.capacity - b.open / b.capacity || a.id - b.id)[0]!;
}
