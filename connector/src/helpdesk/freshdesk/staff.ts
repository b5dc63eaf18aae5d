/**
 * Freshdesk's view of who can take a handoff: agents (GET /agents, admin only) with their
 * `group_ids`, and a group's open tickets from ticket search. Freshdesk numbers skills
 * (`skill_ids`, the skill-based routing feature) without names in the agent object, so
 * Baton routes on groups and load here and leaves skills empty (unverified: the skills API
 * is not in ../shared/freshdesk). Search answers at most 300 results (10 pages of 30): a
 * larger group is counted per agent from `total` instead, one call each.
 */
import type { GroupLoad, StaffMember } from '../port.js';
import type { FreshdeskGateway } from './gateway.js';

const DEFAULT_CAPACITY = 20;
const SEARCH_CAP = 300;

export async function listFreshdeskStaff(gateway: FreshdeskGateway): Promise<StaffMember[]> {
  const agents = await gateway.listAgents();
  return agents.map((a) => ({ id: String(a.id), name: a.contact.name, skills: [], capacity: DEFAULT_CAPACITY, groupIds: (a.group_ids ?? []).map(String) }));
}

/** Unresolved = Open or Pending (custom statuses count as waiting, not as the agent's load). */
const openIn = (groupId: string, extra = '') => `group_id:${groupId}${extra} AND status:2 OR group_id:${groupId}${extra} AND status:3`;

export async function freshdeskGroupLoad(gateway: FreshdeskGateway, groupId: string, memberIds: string[]): Promise<GroupLoad> {
  const first = await gateway.searchTickets(openIn(groupId));
  if (first.total <= SEARCH_CAP) {
    const openBy = new Map<string, number>();
    let queueDepth = 0;
    for (const t of first.results) {
      if (t.responder_id) openBy.set(String(t.responder_id), (openBy.get(String(t.responder_id)) ?? 0) + 1);
      else queueDepth++;
    }
    return { openBy, queueDepth };
  }
  const openBy = new Map<string, number>();
  let assigned = 0;
  for (const id of memberIds) {
    const n = (await gateway.searchTickets(openIn(groupId, ` AND agent_id:${id}`), 1)).total;
    openBy.set(id, n);
    assigned += n;
  }
  return { openBy, queueDepth: Math.max(0, first.total - assigned) };
}
