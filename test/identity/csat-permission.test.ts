/**
 * CSAT ratings can only be listed by an admin. With an agent's API token the sync skips
 * CSAT with a message naming the permission, and the rest of the sync still runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSAT_FORBIDDEN_MESSAGE, csatForbiddenMessage, syncSatisfactionRatings } from '../../connector/src/admin/metrics/sync-satisfaction.js';
import { syncTicketOutcomes } from '../../connector/src/admin/metrics/sync-outcomes.js';
import { ensureAdminTables } from '../../connector/src/admin/store/tables.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';

describe.each(['agent', 'admin'] as const)('CSAT sync with an %s API token', (role) => {
  let sandbox: Sandbox;
  let db: TestStore;
  let gateway: ZendeskHelpdesk;

  beforeAll(async () => {
    sandbox = await startSandbox({ apiUserRole: role, rateLimitPerMinute: 2500 });
    db = await sqliteTestStore();
    await ensureAdminTables(db.store);
    gateway = ZendeskHelpdesk.connect({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 2500, maxRetries: 0 });
    const ticket = sandbox.inbound({ requester: { name: 'Rae', email: 'rae@example.com' }, subject: 'Help', body: 'Where is my order?' }).ticket;
    await fetch(`${sandbox.url}/sandbox/satisfaction_ratings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ticket_id: ticket.id, score: 'good' }) });
  });
  afterAll(async () => {
    await sandbox?.close();
    await db?.cleanup();
  });

  it(role === 'agent' ? 'skips CSAT with a message naming the admin permission' : 'reads the ratings', async () => {
    const result = await syncSatisfactionRatings(db.store, gateway, { tenantId: 'zendesk:baton-sandbox' });
    if (role === 'agent') {
      expect(result).toEqual({ fetched: 0, stored: 0, skipped: { code: 'CSAT_FORBIDDEN', message: CSAT_FORBIDDEN_MESSAGE } });
      expect(CSAT_FORBIDDEN_MESSAGE).toMatch(/only admins/);
      // The ticket outcomes (readable by agents) still sync.
      await expect(syncTicketOutcomes(db.store, gateway, { tenantId: 'zendesk:baton-sandbox' })).resolves.toBeDefined();
    } else {
      expect(result.skipped).toBeUndefined();
      expect(result.stored).toBe(1);
    }
  });
});

describe('the refusal names the helpdesk that refused', () => {
  it("tells a Freshdesk admin to change FRESHDESK_API_KEY, not Zendesk's API user", () => {
    expect(csatForbiddenMessage('zendesk:acme')).toBe(CSAT_FORBIDDEN_MESSAGE);
    const fd = csatForbiddenMessage('freshdesk:acme');
    expect(fd).toMatch(/Freshdesk answered 403.*FRESHDESK_API_KEY/);
    expect(fd).not.toMatch(/Zendesk|ZENDESK_/);
  });
});
