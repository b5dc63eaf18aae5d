/**
 * Loads the seed data into a fresh state. The API user and the Help Center articles are
 * always present (the API cannot work without the first; the second is content, not account
 * setup); groups, agents, organizations and customers only when seeding is on.
 */
import { HELP_CENTER_SECTIONS, SANDBOX_ARTICLES } from './help-center-articles.js';
import type { UserRecord } from './model.js';
import { SANDBOX_AGENTS, SANDBOX_API_USER, SANDBOX_END_USERS, SANDBOX_GROUPS, SANDBOX_ORGANIZATIONS } from './seed-data.js';
import type { SandboxState } from './state.js';

export function seedApiUser(state: SandboxState, email: string): UserRecord {
  const now = state.now();
  return state.addUser({
    id: SANDBOX_API_USER.id,
    name: SANDBOX_API_USER.name,
    email,
    role: SANDBOX_API_USER.role,
    organizationId: null,
    tags: ['integration'],
    locale: 'en-US',
    timeZone: 'UTC',
    defaultGroupId: null,
    userFields: {},
    createdAt: now,
    updatedAt: now,
  });
}

export function seedArticles(state: SandboxState): void {
  const now = state.now();
  for (const a of SANDBOX_ARTICLES) {
    state.articles.push({ id: a.id, title: a.title, body: a.body, labelNames: [...a.labels], sectionId: HELP_CENTER_SECTIONS[a.section], createdAt: now, updatedAt: now });
  }
}

export function seedAccount(state: SandboxState): void {
  const now = state.now();
  for (const g of Object.values(SANDBOX_GROUPS)) {
    state.addGroup({ id: g.id, name: g.name, description: g.description, createdAt: now, updatedAt: now });
  }
  for (const o of Object.values(SANDBOX_ORGANIZATIONS)) {
    state.addOrganization({
      id: o.id,
      name: o.name,
      tags: [...o.tags],
      domainNames: [o.domain],
      organizationFields: { ...o.fields },
      notes: o.vip ? 'Key account: route to Senior Support.' : null,
      createdAt: now,
      updatedAt: now,
    });
  }
  for (const a of Object.values(SANDBOX_AGENTS)) {
    const groupIds = a.groups.map((key) => SANDBOX_GROUPS[key].id);
    state.addUser({
      id: a.id,
      name: a.name,
      email: a.email,
      role: 'agent',
      organizationId: null,
      tags: a.skills.map((s) => `skill_${s}`),
      locale: 'en-US',
      timeZone: a.timeZone,
      defaultGroupId: groupIds[0] ?? null,
      userFields: { max_open_tickets: a.maxOpenTickets },
      createdAt: now,
      updatedAt: now,
    });
    groupIds.forEach((groupId, i) => state.addMembership(a.id, groupId, i === 0));
  }
  for (const u of Object.values(SANDBOX_END_USERS)) {
    state.addUser({
      id: u.id,
      name: u.name,
      email: u.email,
      role: 'end-user',
      organizationId: u.organization ? SANDBOX_ORGANIZATIONS[u.organization].id : null,
      tags: [...u.tags],
      locale: u.locale,
      timeZone: 'UTC',
      defaultGroupId: null,
      userFields: {},
      createdAt: now,
      updatedAt: now,
    });
  }
}
