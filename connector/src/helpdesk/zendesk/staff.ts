/**
 * Zendesk's view of who can take a handoff: agents who can be assigned tickets (skills are agent tags `skill_<name>`,
 * capacity is the user field `max_open_tickets`), their group memberships, and a group's
 * open tickets.
 *
 * Load comes from search, which answers at most 1,000 results per query. A group with more
 * open tickets than that is counted instead (/search/count: the queue, then each agent),
 * so a busy group never looks emptier than it is.
 */
import type { GroupLoad, StaffMember } from '../port.js';
import type { ZendeskGateway } from './gateway.js';
import type { ZdUser } from './types.js';

const DEFAULT_CAPACITY = 20;
/** Zendesk's search answers at most this many results per query. */
export const SEARCH_RESULT_LIMIT = 1000;

/**
 * `role_type` values of agents who cannot be assigned tickets: light agents (1), chat-only
 * agents (2) and contributors (3). Users API: https://developer.zendesk.com/api-reference/ticketing/users/users/
 * (role_type, chat_only, suspended); Zendesk answers 422 when a ticket is assigned to them.
 */
const UNASSIGNABLE_ROLE_TYPES = new Set([1, 2, 3]);

/** Whether Zendesk lets a ticket be assigned to this user. */
export function canTakeTickets(u: ZdUser): boolean {
  if (u.role !== 'agent' && u.role !== 'admin') return false;
  if (u.suspended === true || u.active === false || u.chat_only === true) return false;
  return u.role_type === null || u.role_type === undefined || !UNASSIGNABLE_ROLE_TYPES.has(u.role_type);
}

export async function listZendeskStaff(gateway: ZendeskGateway): Promise<StaffMember[]> {
  const [everyone, memberships] = await Promise.all([gateway.listAgents(), gateway.listGroupMemberships()]);
  const agents = everyone.filter(canTakeTickets);
  const groupsOf = new Map<number, string[]>();
  for (const m of memberships) groupsOf.set(m.user_id, [...(groupsOf.get(m.user_id) ?? []), String(m.group_id)]);
  return agents.map((u) => ({
    id: String(u.id),
    name: u.name,
    skills: (u.tags ?? []).filter((t) => t.startsWith('skill_')).map((t) => t.slice(6)),
    capacity: Number(u.user_fields?.max_open_tickets ?? DEFAULT_CAPACITY) || DEFAULT_CAPACITY,
    groupIds: groupsOf.get(u.id) ?? [],
  }));
}

export async function zendeskGroupLoad(gateway: ZendeskGateway, groupId: string, memberIds: string[]): Promise<GroupLoad> {
  const open = `type:ticket group:${groupId} status<solved`;
  const total = await gateway.countSearch(open);
  if (total <= SEARCH_RESULT_LIMIT) {
    const openBy = new Map<string, number>();
    let queueDepth = 0;
    for (const t of await gateway.searchTickets(open)) {
      if (t.assignee_id) openBy.set(String(t.assignee_id), (openBy.get(String(t.assignee_id)) ?? 0) + 1);
      else queueDepth++;
    }
    return { openBy, queueDepth };
  }
  const openBy = new Map<string, number>();
  for (const id of memberIds) openBy.set(id, await gateway.countSearch(`${open} assignee:${id}`));
  return { openBy, queueDepth: await gateway.countSearch(`${open} assignee:none`) };
}
