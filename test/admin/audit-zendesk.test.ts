/**
 * `baton audit --from-zendesk` against the sandbox helpdesk over real HTTP: the newest N
 * tickets, page by page through the gateway, with organizations read once each.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../connector/src/admin/audit/build-report.js';
import { registerAudit } from '../../connector/src/cli/commands/audit.js';
import { addOrganizations, deliverTicket } from '../../connector/src/demo/load-inbox.js';
import { buildOvernightInbox } from '../../connector/src/demo/inbox/index.js';
import { ZendeskGateway } from '../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';

describe('audit from Zendesk', () => {
  let sandbox: Sandbox;
  const created: number[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimitPerMinute: 2500 });
    const inbox = buildOvernightInbox(undefined, { count: 150 });
    addOrganizations(sandbox, inbox.organizations);
    const orgs = new Map(inbox.organizations.map((o) => [o.key, o]));
    for (const t of inbox.tickets) created.push(deliverTicket(sandbox, t, orgs));
  });
  afterAll(async () => sandbox?.close());

  it('reads the newest tickets page by page through the gateway and audits them', async () => {
    sandbox.resetStats();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-audit-zd-'));
    const lines: string[] = [];
    const program = new Command().exitOverride();
    const gateway = new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 2500 });
    registerAudit(program, { helpdesk: () => new ZendeskHelpdesk(gateway), log: (l) => lines.push(l) });
    await program.parseAsync(['node', 'baton', 'audit', '--from-zendesk', '--limit', '120', '--out', dir]);

    const report = JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8')) as AuditReport;
    expect(report.source).toMatchObject({ kind: 'zendesk', format: 'zendesk-api' });
    expect(report.totals).toEqual({ read: 120, classified: 120, problems: 0 });
    const newest = [...created].sort((a, b) => b - a).slice(0, 120).map(String).sort();
    expect(report.tickets.map((t) => t.id).sort()).toEqual(newest);

    const calls = sandbox.stats().byRoute;
    expect(calls['GET /api/v2/search']).toBe(2); // 100 + 20, then stop
    const orgReads = Object.entries(calls).filter(([route]) => route.startsWith('GET /api/v2/organizations/'));
    expect(orgReads.reduce((s, [, n]) => s + n, 0)).toBeGreaterThan(0);
    // Organizations come with their tags and fields, so VIP accounts are recognised.
    expect(report.tickets.some((t) => t.reasons.includes('vip'))).toBe(true);
    expect(lines.join('\n')).toMatch(/audited 120 tickets/);
  });
});
