/**
 * The overnight inbox as a Zendesk JSON export: `tickets` with `users` and `organizations`
 * sideloaded, in the shapes Zendesk's API returns (ids, via.channel, created_at, description,
 * requester_id → users → organization_id → organizations with organization_fields). It lets
 * `baton audit` run on the demo's night exactly as it would on a real account's export.
 * The author's labels (expected intent, team) are left out: an export does not have them.
 */
import { writeFileSync } from 'node:fs';
import { buildOvernightInbox, type OvernightInbox } from '../../demo/inbox/index.js';
import { MINUTE } from '../time.js';

export interface OvernightExportOptions {
  /** When the night starts (22:00 of some day); ticket times follow the inbox's minutes. */
  nightStart?: Date;
  /** First ticket id; Zendesk ids are large integers. */
  firstTicketId?: number;
}

const DEFAULT_NIGHT = new Date('2024-06-11T22:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const VIA: Record<string, string> = { email: 'email', web: 'web', chat: 'chat' };

export function overnightInboxExport(inbox: OvernightInbox, opts: OvernightExportOptions = {}): Record<string, unknown> {
  const night = (opts.nightStart ?? DEFAULT_NIGHT).getTime();
  const firstId = opts.firstTicketId ?? 41_000;
  const orgIds = new Map(inbox.organizations.map((o, i) => [o.key, 360_000_100_000 + i]));
  const users = new Map<string, Record<string, unknown>>();
  const tickets = inbox.tickets.map((t, i) => {
    let user = users.get(t.requester.email);
    if (!user) {
      user = {
        id: 380_000_000_000 + users.size,
        name: t.requester.name,
        email: t.requester.email,
        role: 'end-user',
        locale: t.requester.locale,
        organization_id: t.requester.organizationKey ? orgIds.get(t.requester.organizationKey) ?? null : null,
        tags: [],
      };
      users.set(t.requester.email, user);
    }
    const at = iso(night + t.arrivesAtMinute * MINUTE);
    return {
      id: firstId + i,
      external_id: t.key,
      via: { channel: VIA[t.channel] ?? 'web', source: { from: {}, to: {}, rel: null } },
      created_at: at,
      updated_at: at,
      type: null,
      subject: t.subject,
      raw_subject: t.subject,
      description: t.body,
      priority: null,
      status: 'new',
      requester_id: user.id,
      submitter_id: user.id,
      assignee_id: null,
      organization_id: user.organization_id,
      group_id: null,
      tags: [],
      satisfaction_rating: null,
    };
  });
  const organizations = inbox.organizations.map((o) => ({
    id: orgIds.get(o.key),
    name: o.name,
    tags: o.tags,
    organization_fields: { plan: o.fields.plan, arr: o.fields.arr, open_opportunity: o.fields.open_opportunity },
  }));
  return { tickets, users: [...users.values()], organizations, count: tickets.length, next_page: null, previous_page: null };
}

/** Build the night from a seed and write its export; returns the number of tickets. */
export function writeOvernightInboxExport(path: string, opts: OvernightExportOptions & { seed?: number; count?: number } = {}): number {
  const inbox = buildOvernightInbox(opts.seed, opts.count === undefined ? {} : { count: opts.count });
  const doc = overnightInboxExport(inbox, opts);
  writeFileSync(path, JSON.stringify(doc, null, 1));
  return inbox.tickets.length;
}
