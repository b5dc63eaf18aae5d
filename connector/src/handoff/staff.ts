/**
 * Who can take a handoff: a group's agents, their skills and capacity, their current load
 * (open tickets assigned to them), and the group's queue, read through the helpdesk port.
 * Agents and memberships change rarely and are cached for ten minutes; load changes
 * constantly and is read at most every 30 seconds per group.
 */
import type { GroupLoad, HelpdeskPort, StaffMember } from '../helpdesk/port.js';

export interface Agent {
  id: string;
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

export class StaffDirectory {
  private roster: { at: number; members: Map<string, StaffMember[]> } | null = null;
  private loads = new Map<string, { at: number; load: GroupLoad }>();

  constructor(private readonly helpdesk: Pick<HelpdeskPort, 'listStaff' | 'groupLoad'>, private readonly rosterTtlMs = 10 * 60_000, private readonly loadTtlMs = 30_000) {}

  async staffFor(groupId: string): Promise<TeamStaff> {
    const roster = await this.loadRoster();
    const members = roster.members.get(groupId) ?? [];
    const { openBy, queueDepth } = await this.groupLoad(groupId, members.map((m) => m.id));
    const agents = members.map((u) => ({ id: u.id, name: u.name, skills: u.skills, capacity: u.capacity, open: openBy.get(u.id) ?? 0 }));
    return { agents, queueDepth };
  }

  /** Count a ticket just routed (to an agent, or to the queue), so the next handoff in the same 30 s sees it. */
  noteAssigned(groupId: string, assigneeId: string | null): void {
    const cached = this.loads.get(groupId);
    if (!cached) return;
    if (assigneeId) cached.load.openBy.set(assigneeId, (cached.load.openBy.get(assigneeId) ?? 0) + 1);
    else cached.load.queueDepth++;
  }

  private async loadRoster() {
    if (this.roster && Date.now() - this.roster.at < this.rosterTtlMs) return this.roster;
    const members = new Map<string, StaffMember[]>();
    for (const agent of await this.helpdesk.listStaff()) for (const g of agent.groupIds) members.set(g, [...(members.get(g) ?? []), agent]);
    this.roster = { at: Date.now(), members };
    return this.roster;
  }

  private async groupLoad(groupId: string, memberIds: string[]): Promise<GroupLoad> {
    const hit = this.loads.get(groupId);
    if (hit && Date.now() - hit.at < this.loadTtlMs) return hit.load;
    const load = await this.helpdesk.groupLoad(groupId, memberIds);
    this.loads.set(groupId, { at: Date.now(), load });
    return load;
  }
}

/** Helpdesk ids are strings; numeric ones compare as numbers, so the order is stable and natural. */
const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The least-loaded agent with spare capacity, preferring one with the wanted skill. */
export function pickAgent(staff: TeamStaff, skill: string | undefined): Agent | null {
  const free = staff.agents.filter((a) => a.open < a.capacity);
  if (free.length === 0) return null;
  const skilled = skill ? free.filter((a) => a.skills.includes(skill)) : [];
  const pool = skilled.length > 0 ? skilled : free;
  return [...pool].sort((a, b) => a.open / a.capacity - b.open / b.capacity || byId(a.id, b.id))[0]!;
}
