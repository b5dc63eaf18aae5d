/**
 * Reading a helpdesk's tickets back as conversations, provider-neutral, over the port: what
 * changed since a cursor, and one ticket's messages with their authors' roles. The catch-up
 * sweep and the intake's "read the comment through the API" depend on this only.
 */
import type { MessageSnapshot, OrganizationSnapshot, PersonSnapshot, Provider, TicketSnapshot } from '../events/types.js';
import type { ChangedTicketsPage, HelpdeskPort } from './port.js';

export interface TicketConversation {
  ticket: TicketSnapshot;
  requester: PersonSnapshot;
  organization: OrganizationSnapshot | null;
  /** Oldest first, with the author's role. */
  messages: MessageSnapshot[];
}

export interface TicketReader {
  readonly provider: Provider;
  /** Tickets changed after `cursor`; without one yet, changed since `sinceMs`. */
  changedTickets(cursor: string | null, sinceMs: number): Promise<ChangedTicketsPage>;
  /** One ticket's messages, oldest first; `requesterId` spares a look-up of the requester's role. */
  messages(ticketId: string, requesterId: string): Promise<MessageSnapshot[]>;
  /** The ticket, its requester and organization, and its messages. */
  conversation(ticketId: string): Promise<TicketConversation>;
}

const ROLE_CACHE_LIMIT = 5000;

export function helpdeskTicketReader(helpdesk: HelpdeskPort): TicketReader {
  /** Roles of comment authors seen before (agents rarely change role). */
  const roles = new Map<string, MessageSnapshot['authorRole']>();
  const roleOf = async (authorId: string, requesterId: string): Promise<MessageSnapshot['authorRole']> => {
    if (authorId === requesterId) return 'end-user';
    const known = roles.get(authorId);
    if (known) return known;
    const { role: r } = await helpdesk.getUser(authorId);
    const role = r === 'end-user' ? 'end-user' : r === 'agent' || r === 'admin' ? 'agent' : 'unknown';
    if (roles.size >= ROLE_CACHE_LIMIT) roles.clear();
    roles.set(authorId, role);
    return role;
  };
  const messages = async (ticketId: string, requesterId: string): Promise<MessageSnapshot[]> => {
    const out: MessageSnapshot[] = [];
    for (const c of await helpdesk.listComments(ticketId)) out.push({ ...c, authorRole: await roleOf(c.authorId, requesterId) });
    return out;
  };
  return {
    provider: helpdesk.provider as Provider,
    changedTickets: (cursor, sinceMs) => helpdesk.changedTickets(cursor, sinceMs),
    messages,
    async conversation(ticketId) {
      const t = await helpdesk.getTicket(ticketId);
      const [person, org, msgs] = await Promise.all([
        helpdesk.getUser(t.requesterId),
        t.organizationId ? helpdesk.getOrganization(t.organizationId) : Promise.resolve(null),
        messages(ticketId, t.requesterId),
      ]);
      const { createdAt: _created, ...snapshot } = t;
      return {
        ticket: { ...snapshot, channel: 'unknown' },
        requester: { id: person.id, name: person.name, email: person.email || undefined, locale: person.locale || undefined, tags: person.tags },
        organization: org,
        messages: msgs,
      };
    },
  };
}
