/**
 * Erasure of one customer on request, on both backends: after `baton erase --requester`,
 * no table holds that customer's e-mail, name or words, another customer's data is intact,
 * and a late redelivery of an erased event is still a duplicate (no second reply).
 */
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeErasure, registerErase } from '../../connector/src/cli/commands/erase.js';
import { eraseRequester } from '../../connector/src/privacy/erase.js';
import type { Store } from '../../connector/src/store/db.js';
import { HELPDESKS, startStack, type Stack } from '../helpers/stack.js';
import { BACKENDS } from '../helpers/stores.js';
import { redeliver } from '../helpers/webhooks.js';

let stack: Stack | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await stack?.close();
  stack = undefined;
});

const ERIN = { name: 'Erin Quillfeather', email: 'erin.quillfeather@example.com' };
const KEPT = { name: 'Kasimir Keepsake', email: 'kasimir.keepsake@example.com' };
/** Words only Erin wrote, to find any copy of her messages. */
const ERIN_WORDS = 'zebrafinch';

/** Every text column of every table, one string per row, for "is it anywhere?" checks. */
async function everyRow(store: Store): Promise<string[]> {
  const tables = ['webhook_events', 'attempts', 'tickets', 'feedback', 'jobs', 'raw_deliveries'] as const;
  const out: string[] = [];
  for (const t of tables) for (const row of await store.db.selectFrom(t).selectAll().execute()) out.push(JSON.stringify(row).toLowerCase());
  return out;
}

const mentions = (rows: string[], ...needles: string[]) => rows.filter((r) => needles.some((n) => r.includes(n.toLowerCase())));

async function seed(s: Stack) {
  const reset = s.sandbox.inbound({ requester: ERIN, subject: `Password ${ERIN_WORDS}`, body: `I forgot my password, call me on +44 20 7946 0958 (${ERIN_WORDS}). How do I reset it?`, channel: 'web' }).ticket.id;
  const refund = s.sandbox.inbound({ requester: ERIN, subject: 'Refund please', body: `I want a refund for order NW-100200, the ${ERIN_WORDS} scanner arrived broken.`, channel: 'email' }).ticket.id;
  const kept = s.sandbox.inbound({ requester: KEPT, subject: 'Where is my order', body: 'Where is my order NW-555123? Tracking has not moved.', channel: 'chat' }).ticket.id;
  await s.settle();
  s.sandbox.customerReply(reset, `Still stuck with the ${ERIN_WORDS} login, please help`);
  await s.settle();
  // An agent's flag with a comment quoting the customer, as the sidebar stores it.
  await s.db.store.db
    .insertInto('feedback')
    .values({ tenant_id: s.tenantId, ticket_id: String(refund), attempt_id: null, kind: 'wrong_team', comment: `Erin said ${ERIN_WORDS}`, agent_id: '9001', created_at: Date.now() })
    .execute();
  return { reset, refund, kept };
}

/** Events that named Erin: her three messages; on Freshdesk also the three signals they were read from. */
const ERASED_EVENTS = { zendesk: 3, freshdesk: 6 };

describe.each(HELPDESKS.flatMap((helpdesk) => BACKENDS.map(([name, open]) => [helpdesk, name, open] as const)))('erasure on %s with %s', (helpdesk, _name, open) => {
  it("removes one customer's personal data everywhere and keeps everyone else's", async () => {
    stack = await startStack({ helpdesk, store: open });
    const s = stack;
    const ids = await seed(s);
    const before = await everyRow(s.db.store);
    expect(mentions(before, ERIN.email).length).toBeGreaterThan(0);
    expect(mentions(before, ERIN_WORDS).length).toBeGreaterThan(3); // events, attempts, subject, flag

    const dry = await eraseRequester(s.db.store, { email: ERIN.email, dryRun: true });
    expect(dry.tickets.map((t) => Number(t.ticketId)).sort()).toEqual([ids.reset, ids.refund].sort());
    expect(await everyRow(s.db.store)).toEqual(before); // a dry run changes nothing

    const report = await eraseRequester(s.db.store, { email: 'Erin.QuillFeather@EXAMPLE.com' }); // e-mail case is not identity
    expect(report).toMatchObject({ webhookEvents: ERASED_EVENTS[helpdesk], attempts: 3, ticketRows: 2, feedbackComments: 1, jobsRunning: 0 });
    expect(report.jobsCancelled).toBeGreaterThanOrEqual(1); // the silence timer of the automated reply

    const after = await everyRow(s.db.store);
    expect(mentions(after, ERIN.email, 'Quillfeather', ERIN_WORDS, '7946 0958')).toEqual([]);
    expect(mentions(after, KEPT.email, 'Keepsake', 'NW-555123').length).toBeGreaterThanOrEqual(2);
    // The decisions stay for metrics; only their texts went.
    const attempts = await s.db.store.db.selectFrom('attempts').selectAll().where('ticket_id', '=', String(ids.refund)).execute();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ action: 'handoff', customer_message: '', reply: null, summary: null });
    expect(await s.db.store.db.selectFrom('jobs').select('id').where('status', 'in', ['queued', 'running']).where('group_key', '=', `t:${s.tenantId}:${ids.reset}`).execute()).toEqual([]);

    // The helpdesk re-sends an old delivery of an erased event hours later: its comment is
    // read and found taken, so nothing is triaged and nothing said twice.
    const delivery = s.sandbox.deliveries().find((d) => d.ticketId === ids.reset)!;
    const said = s.sandbox.state.commentsFor(ids.reset).length;
    const res = await redeliver(helpdesk, s.url, s.secret, delivery.body);
    expect(res.status).toBe(202);
    await s.settle();
    expect(s.sandbox.state.commentsFor(ids.reset)).toHaveLength(said);
    expect(await s.db.store.db.selectFrom('attempts').select('id').where('ticket_id', '=', String(ids.reset)).execute()).toHaveLength(2);
    expect(mentions(await everyRow(s.db.store), ERIN.email)).toEqual([]);

    // Erasing again finds nothing left to name her.
    expect((await eraseRequester(s.db.store, { email: ERIN.email })).tickets).toEqual([]);
  }, 60_000);
});

describe('baton erase (command)', () => {
  it('prints what it erased, and that Zendesk keeps its own copy', async () => {
    stack = await startStack();
    const s = stack;
    await seed(s);
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('BATON_SQLITE_PATH', s.db.env.BATON_SQLITE_PATH!);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    const program = new Command('baton').exitOverride();
    registerErase(program);
    await program.parseAsync(['node', 'baton', 'erase', '--requester', ERIN.email]);
    const out = printed.join('\n');
    expect(out).toMatch(/erased personal data on 2 ticket\(s\)/);
    expect(out).toMatch(/webhook events anonymised\s+3/);
    expect(out).toMatch(/Erase the customer in Zendesk too/);
    printed.length = 0;
    await program.parseAsync(['node', 'baton', 'erase', '--requester', 'nobody@example.com']);
    expect(printed.join('\n')).toMatch(/No data for nobody@example.com/);
    vi.unstubAllEnvs();
  }, 60_000);
});

describe('where the helpdesk keeps its own copy', () => {
  const report = (tenants: string[], dryRun = false) => ({
    email: 'erin@example.com', dryRun, tickets: tenants.map((tenantId, i) => ({ tenantId, ticketId: String(i + 1) })),
    webhookEvents: 1, attempts: 1, feedbackComments: 0, ticketRows: 1, satisfactionComments: 0, rawDeliveries: 0, jobsCancelled: 0, jobsScrubbed: 0, jobsRunning: 0,
  });

  it('names each helpdesk the erased tickets came from, once, and none on a dry run', () => {
    const fd = describeErasure(report(['freshdesk:acme', 'freshdesk:acme']));
    expect(fd).toMatch(/Delete the contact in Freshdesk too, and then delete it forever/);
    expect(fd).not.toMatch(/Zendesk/);
    expect(fd.match(/Freshdesk too/g)).toHaveLength(1);
    const both = describeErasure(report(['zendesk:acme', 'freshdesk:acme']));
    expect(both).toMatch(/Erase the customer in Zendesk too/);
    expect(both).toMatch(/Delete the contact in Freshdesk too/);
    expect(describeErasure(report(['freshdesk:acme'], true))).not.toMatch(/too/);
  });
});
