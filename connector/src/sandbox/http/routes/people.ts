/**
 * Users, organizations, groups, group memberships and satisfaction ratings — the customer
 * context and the routing targets a connector reads.
 */
import { Router } from 'express';
import type { UserRole } from '../../model.js';
import { groupJson, membershipJson, organizationJson, satisfactionRatingJson, userJson } from '../../serializers.js';
import { invalidValue, notFound, recordInvalid } from '../../zendesk-errors.js';
import { currentUser, idParam, queryValue, requireAdmin, serializeContext, type SandboxServices } from '../context.js';
import { offsetPage } from '../pagination.js';

interface UserCreateBody {
  name?: unknown;
  email?: unknown;
  role?: unknown;
  organization_id?: unknown;
  organization?: { name?: unknown };
  external_id?: unknown;
}

const ROLES: readonly UserRole[] = ['end-user', 'agent', 'admin'];

export function peopleRoutes(s: SandboxServices): Router {
  const r = Router();

  r.get('/api/v2/users/me', (_req, res) => {
    res.json({ user: userJson(currentUser(res), serializeContext(s)) });
  });

  // List Users, filtered by role (`role=agent` or `role[]=agent&role[]=admin`), as Zendesk documents.
  r.get('/api/v2/users', (req, res) => {
    const ctx = serializeContext(s);
    const raw = req.query.role ?? req.query['role[]'];
    const roles = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    const users = [...s.state.users.values()].filter((u) => roles.length === 0 || roles.includes(u.role)).sort((a, b) => a.id - b.id);
    const page = offsetPage(users, req, `${s.baseUrl}/api/v2/users.json`);
    res.json({ users: page.items.map((u) => userJson(u, ctx)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  });

  r.get('/api/v2/users/:id', (req, res) => {
    const user = s.state.getUser(idParam(req, 'id'));
    if (!user) throw notFound();
    res.json({ user: userJson(user, serializeContext(s)) });
  });

  r.post('/api/v2/users', (req, res) => {
    const input = ((req.body as { user?: UserCreateBody } | undefined)?.user ?? {}) as UserCreateBody;
    if (typeof input.name !== 'string' || input.name.trim() === '') throw invalidValue('name', 'Name: cannot be blank');
    if (typeof input.email !== 'string') throw invalidValue('email', 'Email: cannot be blank');
    if (s.state.findUserByEmail(input.email)) {
      throw recordInvalid({ email: [{ description: `Email: ${input.email} is already being used by another user`, error: 'DuplicateValue' }] });
    }
    const role = input.role === undefined ? 'end-user' : input.role;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw invalidValue('role', `Role: must be one of ${ROLES.join(', ')}`);
    const organization = typeof input.organization_id === 'number' ? input.organization_id : typeof input.organization?.name === 'string' ? input.organization.name : undefined;
    const user = s.tickets.ensureEndUser({ name: input.name, email: input.email, organization });
    user.role = role as UserRole;
    res.status(201).json({ user: userJson(user, serializeContext(s)) });
  });

  r.get('/api/v2/organizations/:id', (req, res) => {
    const org = s.state.getOrganization(idParam(req, 'id'));
    if (!org) throw notFound();
    res.json({ organization: organizationJson(org, serializeContext(s)) });
  });

  r.get('/api/v2/groups', (req, res) => {
    const ctx = serializeContext(s);
    const groups = [...s.state.groups.values()].sort((a, b) => a.id - b.id);
    const page = offsetPage(groups, req, `${s.baseUrl}/api/v2/groups.json`);
    res.json({ groups: page.items.map((g) => groupJson(g, ctx)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  });

  r.get('/api/v2/group_memberships', (req, res) => {
    const ctx = serializeContext(s);
    const userId = queryValue(req, 'user_id');
    const groupId = queryValue(req, 'group_id');
    const memberships = s.state.memberships.filter((m) => (userId === undefined || String(m.userId) === userId) && (groupId === undefined || String(m.groupId) === groupId));
    const page = offsetPage(memberships, req, `${s.baseUrl}/api/v2/group_memberships.json`);
    res.json({ group_memberships: page.items.map((m) => membershipJson(m, ctx)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  });

  r.get('/api/v2/satisfaction_ratings', (req, res) => {
    requireAdmin(res);
    const ctx = serializeContext(s);
    const score = queryValue(req, 'score');
    const ratings = s.state.satisfactionRatings.filter((x) => score === undefined || x.score === score);
    const page = offsetPage(ratings, req, `${s.baseUrl}/api/v2/satisfaction_ratings.json`);
    res.json({ satisfaction_ratings: page.items.map((x) => satisfactionRatingJson(x, ctx)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  });

  return r;
}
