/**
 * `baton train --from zendesk` reads every solved ticket, past search's 1,000-result cap: the
 * adapter pages search export by cursor (the sandbox serves it as oas.yaml documents it, and
 * refuses plain search pages past 1,000 as Zendesk does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateBudget } from '../../connector/src/helpdesk/rate-budget.js';
import { ZendeskGateway } from '../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { SANDBOX_AGENTS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';

const SOLVED = 1_050;
let sandbox: Sandbox;
let helpdesk: ZendeskHelpdesk;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: 100_000 });
  helpdesk = new ZendeskHelpdesk(new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 100_000, maxRetries: 0 }, new RateBudget(60_000)));
  const agent = SANDBOX_AGENTS.priya.id;
  for (let i = 0; i < SOLVED; i++) {
    const id = sandbox.inbound({ requester: { email: `customer${i % 40}@example.com` }, subject: `Question ${i}`, body: `Solved question number ${i}` }).ticket.id;
    sandbox.agentUpdate(id, agent, { status: i % 10 === 0 ? 'closed' : 'solved' });
  }
  // Open tickets are not training material.
  for (let i = 0; i < 5; i++) sandbox.inbound({ requester: { email: 'open@example.com' }, subject: `Open ${i}`, body: 'still open' });
});
afterAll(async () => sandbox?.close());

describe('solved tickets for training', () => {
  it('reads every solved and closed ticket past 1,000, each once, by cursor', async () => {
    const subjects: string[] = [];
    for await (const t of helpdesk.reports.solvedTickets()) subjects.push(t.text.split('\n')[0]!);
    expect(subjects.length).toBe(SOLVED);
    expect(new Set(subjects).size).toBe(SOLVED);
    expect(subjects.some((s) => s.startsWith('Open'))).toBe(false);
  });

  it('the sandbox refuses plain search past 1,000 results, as Zendesk does', async () => {
    await expect(helpdesk.gateway.request('GET', `/api/v2/search?query=${encodeURIComponent('type:ticket status:solved')}&per_page=100&page=11`)).rejects.toMatchObject({ details: { httpStatus: 422 } });
  });

  it('the sandbox refuses an export without filter[type] or with a type: keyword', async () => {
    await expect(helpdesk.gateway.request('GET', `/api/v2/search/export?query=${encodeURIComponent('status:solved')}`)).rejects.toMatchObject({ details: { httpStatus: 400 } });
    await expect(helpdesk.gateway.request('GET', `/api/v2/search/export?query=${encodeURIComponent('type:ticket status:solved')}&filter%5Btype%5D=ticket`)).rejects.toMatchObject({ details: { httpStatus: 400 } });
  });
});
