/**
 * Put the overnight inbox into the sandbox: its organizations (with the fields VIP rules
 * read), then each ticket as a customer e-mail, web form or chat, in arrival order.
 */
import type { Sandbox } from '../sandbox/index.js';
import type { InboxOrganization, InboxTicket } from './inbox/index.js';

export function addOrganizations(sandbox: Sandbox, orgs: InboxOrganization[]): void {
  const now = new Date();
  for (const o of orgs) {
    if (sandbox.state.findOrganizationByName(o.name)) continue;
    sandbox.state.addOrganization({
      id: sandbox.state.nextId('organization'),
      name: o.name,
      tags: o.tags,
      domainNames: [],
      organizationFields: { plan: o.fields.plan, arr: o.fields.arr, open_opportunity: o.fields.open_opportunity },
      notes: null,
      createdAt: now,
      updatedAt: now,
    });
  }
}

/** Returns the sandbox ticket id. */
export function deliverTicket(sandbox: Sandbox, t: InboxTicket, orgs: Map<string, InboxOrganization>): number {
  const org = t.requester.organizationKey ? orgs.get(t.requester.organizationKey) : undefined;
  ensureCustomer(sandbox, t, org?.name);
  const change = sandbox.inbound({
    requester: { name: t.requester.name, email: t.requester.email, organization: org?.name },
    subject: t.subject,
    body: t.body,
    channel: t.channel,
  });
  return change.ticket.id;
}

/** Customers exist before they write, with their language, as in a real account. */
function ensureCustomer(sandbox: Sandbox, t: InboxTicket, orgName: string | undefined): void {
  if (sandbox.state.findUserByEmail(t.requester.email)) return;
  const now = new Date();
  sandbox.state.addUser({
    id: sandbox.state.nextId('user'),
    name: t.requester.name,
    email: t.requester.email,
    role: 'end-user',
    organizationId: orgName ? sandbox.state.findOrganizationByName(orgName)?.id ?? null : null,
    tags: [],
    locale: t.requester.locale,
    timeZone: 'UTC',
    defaultGroupId: null,
    userFields: {},
    createdAt: now,
    updatedAt: now,
  });
}
