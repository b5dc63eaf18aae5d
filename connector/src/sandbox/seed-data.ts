/**
 * The sandbox's seeded account: the teams the design routes to, agents with skills and
 * capacity, VIP and ordinary customer organizations, and a few customers. Ids are fixed so
 * tests, the demo and the routing policy can refer to them by key (SANDBOX_GROUPS.finance.id).
 *
 * Agent skills are user tags (`skill_*`) and capacity is a user field (`max_open_tickets`),
 * both of which Zendesk exposes on the user object.
 */

export const SANDBOX_ACCOUNT = { name: 'Baton Sandbox', accountId: 10042077 } as const;

/** The API user (the integration's agent account); always present, even without seeding. */
export const SANDBOX_API_USER = { id: 1001, name: 'Baton Automation', role: 'admin' } as const;

export const SANDBOX_GROUPS = {
  tier1: { id: 2001, name: 'Tier 1 Support', description: 'First line: how-to, account access, order status' },
  finance: { id: 2002, name: 'Finance', description: 'Billing, invoices, refunds' },
  product: { id: 2003, name: 'Product Support', description: 'Bugs and technical investigations, liaison with engineering' },
  revenue: { id: 2004, name: 'Revenue', description: 'Sales enquiries, upgrades, renewals, churn saves' },
  trust: { id: 2005, name: 'Trust & Safety', description: 'Legal, privacy, security, abuse' },
  senior: { id: 2006, name: 'Senior Support', description: 'VIP and escalated customers' },
} as const;
export type SandboxGroupKey = keyof typeof SANDBOX_GROUPS;

export interface SeedAgent {
  id: number;
  name: string;
  email: string;
  /** First group is the agent's default group. */
  groups: readonly SandboxGroupKey[];
  skills: readonly string[];
  maxOpenTickets: number;
  timeZone: string;
}

const agent = (id: number, name: string, groups: SandboxGroupKey[], skills: string[], maxOpenTickets: number, timeZone = 'Europe/London'): SeedAgent => ({
  id,
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@baton-sandbox.example.com`,
  groups,
  skills,
  maxOpenTickets,
  timeZone,
});

export const SANDBOX_AGENTS = {
  priya: agent(1101, 'Priya Raman', ['tier1'], ['account_access', 'how_to'], 25),
  tom: agent(1102, 'Tom Becker', ['tier1'], ['orders', 'how_to'], 25, 'Europe/Berlin'),
  aiko: agent(1103, 'Aiko Tanaka', ['tier1', 'product'], ['how_to', 'integrations'], 20, 'Asia/Tokyo'),
  marcus: agent(1104, 'Marcus Oyelaran', ['finance'], ['billing', 'refunds'], 15),
  elena: agent(1105, 'Elena Petrova', ['finance', 'senior'], ['billing', 'invoices', 'refunds'], 12, 'Europe/Berlin'),
  jonas: agent(1106, 'Jonas Weber', ['product'], ['bugs', 'api', 'integrations'], 10, 'Europe/Berlin'),
  sofia: agent(1107, 'Sofia Alvarez', ['product'], ['bugs', 'mobile'], 10, 'America/New_York'),
  grace: agent(1108, 'Grace Kim', ['revenue'], ['sales', 'upgrades'], 15, 'America/New_York'),
  david: agent(1109, 'David Mensah', ['revenue', 'senior'], ['sales', 'retention'], 12),
  hannah: agent(1110, 'Hannah Cohen', ['trust'], ['legal', 'privacy', 'security'], 8),
  olivia: agent(1111, 'Olivia Grant', ['senior', 'tier1'], ['vip', 'retention', 'billing'], 8),
  rafael: agent(1112, 'Rafael Costa', ['senior', 'product'], ['vip', 'bugs'], 8, 'America/Sao_Paulo'),
} as const satisfies Record<string, SeedAgent>;
export type SandboxAgentKey = keyof typeof SANDBOX_AGENTS;

export interface SeedOrganization {
  id: number;
  name: string;
  domain: string;
  tags: readonly string[];
  /** open_opportunity: 'none', or the kind of open sales opportunity. */
  fields: { plan: 'starter' | 'growth' | 'business' | 'enterprise' | 'trial'; arr: number; open_opportunity: 'none' | 'expansion' | 'new_business' | 'renewal' };
  vip: boolean;
}

export const SANDBOX_ORGANIZATIONS = {
  northwind: {
    id: 3001,
    name: 'Northwind Logistics',
    domain: 'northwind.example',
    tags: ['vip', 'enterprise'],
    fields: { plan: 'enterprise', arr: 480_000, open_opportunity: 'renewal' },
    vip: true,
  },
  globex: {
    id: 3002,
    name: 'Globex Corporation',
    domain: 'globex.example',
    tags: ['vip', 'enterprise', 'strategic'],
    fields: { plan: 'enterprise', arr: 1_250_000, open_opportunity: 'expansion' },
    vip: true,
  },
  initech: {
    id: 3003,
    name: 'Initech',
    domain: 'initech.example',
    tags: ['prospect'],
    fields: { plan: 'trial', arr: 0, open_opportunity: 'new_business' },
    vip: true,
  },
  acme: {
    id: 3004,
    name: 'Acme Bakery',
    domain: 'acmebakery.example',
    tags: ['smb'],
    fields: { plan: 'starter', arr: 1_200, open_opportunity: 'none' },
    vip: false,
  },
  blueharbor: {
    id: 3005,
    name: 'Blue Harbor Yoga',
    domain: 'blueharbor.example',
    tags: ['smb'],
    fields: { plan: 'growth', arr: 6_000, open_opportunity: 'none' },
    vip: false,
  },
  pixelpine: {
    id: 3006,
    name: 'Pixel & Pine Studio',
    domain: 'pixelpine.example',
    tags: [],
    fields: { plan: 'business', arr: 18_000, open_opportunity: 'none' },
    vip: false,
  },
} as const satisfies Record<string, SeedOrganization>;
export type SandboxOrganizationKey = keyof typeof SANDBOX_ORGANIZATIONS;

export interface SeedEndUser {
  id: number;
  name: string;
  email: string;
  organization: SandboxOrganizationKey | null;
  locale: string;
  tags: readonly string[];
}

export const SANDBOX_END_USERS = {
  maya: { id: 1201, name: 'Maya Lin', email: 'maya.lin@northwind.example', organization: 'northwind', locale: 'en-US', tags: ['admin_contact'] },
  carlos: { id: 1202, name: 'Carlos Diaz', email: 'carlos.diaz@globex.example', organization: 'globex', locale: 'es', tags: [] },
  jess: { id: 1203, name: 'Jess Park', email: 'jess.park@initech.example', organization: 'initech', locale: 'en-US', tags: ['decision_maker'] },
  sam: { id: 1204, name: 'Sam Rivera', email: 'sam@acmebakery.example', organization: 'acme', locale: 'en-US', tags: [] },
  omar: { id: 1205, name: 'Omar Haddad', email: 'omar@blueharbor.example', organization: 'blueharbor', locale: 'en-GB', tags: [] },
  lena: { id: 1206, name: 'Lena Fischer', email: 'lena.fischer@mail.example', organization: null, locale: 'de', tags: [] },
} as const satisfies Record<string, SeedEndUser>;
export type SandboxEndUserKey = keyof typeof SANDBOX_END_USERS;
