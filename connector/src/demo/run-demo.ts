/**
 * The overnight demo: a sandbox helpdesk and a connector on SQLite, 500 tickets arriving,
 * the connector working through them, and a summary of the morning after.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { createConnector } from '../connector.js';
import { INTAKE_JOB_KINDS } from '../intake/raw-deliveries.js';
import { createLogger } from '../logger.js';
import { connectorEnvFor, installBatonIntake, startSandbox } from '../sandbox/index.js';
import { createTriageEngine, loadPolicy } from '../triage/index.js';
import { buildOvernightInbox, type InboxOrganization, type InboxTicket } from './inbox/index.js';
import { addNorthwindArticles } from './help-center.js';
import { addOrganizations, deliverTicket } from './load-inbox.js';
import { collectOutcomes, type TicketOutcome } from './outcomes.js';
import { progressBar } from './progress.js';
import { renderRoutineMisses } from './routine-misses.js';
import { renderSummary, type DemoTotals } from './summary.js';

export interface DemoOptions {
  /** The helpdesk the sandbox speaks and the connector serves (default zendesk). */
  helpdesk?: 'zendesk' | 'freshdesk';
  count?: number;
  seed?: number;
  /** Where the demo's SQLite file goes (recreated each run). */
  sqlitePath?: string;
  databaseUrl?: string;
  report?: string;
  /** Also print every routine ticket that was handed off, with its reason codes. */
  misses?: boolean;
  /** Print lines (summary) here; progress goes to stderr. */
  out?: (line: string) => void;
  quiet?: boolean;
}

export interface DemoResult {
  outcomes: TicketOutcome[];
  totals: DemoTotals;
  summary: string;
}

export async function runDemo(opts: DemoOptions = {}): Promise<DemoResult> {
  const out = opts.out ?? ((l: string) => console.log(l));
  const started = Date.now();
  const inbox = buildOvernightInbox(opts.seed, opts.count ? { count: opts.count } : undefined);
  const sqlitePath = opts.sqlitePath ?? './data/demo.db';
  if (!opts.databaseUrl) for (const f of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`]) fs.rmSync(f, { force: true });

  // The high-volume plan: 500 tickets in well under two minutes while staying under the limit.
  // The sandbox checks every request against the helpdesk's API contract (Zendesk's is
  // committed in the repository; Freshdesk's is the Freshdesk face's strict schemas).
  const helpdesk = opts.helpdesk ?? 'zendesk';
  const sandbox = await startSandbox({ helpdesk, rateLimitPerMinute: 2500 });
  const secret = crypto.randomBytes(24).toString('base64url');
  const config = loadConfig({
    ...connectorEnvFor(sandbox, secret),
    BATON_SQLITE_PATH: sqlitePath,
    DATABASE_URL: opts.databaseUrl,
    BATON_WORKER_CONCURRENCY: '8',
    LOG_LEVEL: 'silent',
  });
  const policy = loadPolicy(config.BATON_POLICY_PATH);
  const connector = await createConnector({ config, log: createLogger({ level: 'silent' }), policy, triage: createTriageEngine(policy, { engine: 'local' }) });
  try {
    const url = await connector.start(0, '127.0.0.1');
    const { tenantId } = await installBatonIntake(sandbox, url, secret);
    addOrganizations(sandbox, inbox.organizations);
    addNorthwindArticles(sandbox);
    const orgs = new Map<string, InboxOrganization>(inbox.organizations.map((o) => [o.key, o]));

    if (!opts.quiet) out(`Overnight inbox: ${inbox.tickets.length} tickets → sandbox helpdesk (${helpdesk} API) ${sandbox.url} → connector ${url} (SQLite ${sqlitePath})`);
    const bar = opts.quiet ? null : progressBar('processing', inbox.tickets.length);
    const delivered: { ticket: InboxTicket; id: number }[] = [];
    for (const t of [...inbox.tickets].sort((a, b) => a.arrivesAtMinute - b.arrivesAtMinute)) {
      delivered.push({ ticket: t, id: deliverTicket(sandbox, t, orgs) });
      if (delivered.length % 25 === 0) await new Promise((r) => setImmediate(r)); // let intake breathe
    }
    await waitUntilSettled(connector, sandbox, (done) => bar?.update(Math.min(done, inbox.tickets.length)));

    // Morning follow-ups: customers answer the AI (or chase their handoff).
    let followUps = 0;
    for (const { ticket, id } of delivered) {
      for (const f of ticket.followUps) {
        sandbox.customerReply(id, f.body);
        followUps++;
      }
    }
    await waitUntilSettled(connector, sandbox, () => bar?.update(inbox.tickets.length, `+ ${followUps} follow-ups`));
    bar?.done();

    const outcomes = await collectOutcomes(connector.store, sandbox, tenantId, delivered);
    const stats = sandbox.stats();
    const totals: DemoTotals = {
      tickets: inbox.tickets.length,
      followUps,
      wallSeconds: (Date.now() - started) / 1000,
      apiCalls: stats.total,
      apiCallsByRoute: stats.byRoute,
      helpdesk,
      deadLetters: (await connector.queue.counts()).dead ?? 0,
    };
    const summary = renderSummary(outcomes, totals);
    if (opts.report) {
      fs.mkdirSync(path.dirname(path.resolve(opts.report)), { recursive: true });
      fs.writeFileSync(opts.report, JSON.stringify({ generated_at: new Date().toISOString(), totals, tickets: outcomes }, null, 2));
    }
    if (!opts.quiet) {
      out('');
      out(summary);
      out('');
      if (opts.misses) {
        out(renderRoutineMisses(outcomes));
        out('');
      }
      out('Where to look next:');
      out(opts.report ? `  • every ticket's intent, reasons, comments and API calls: ${opts.report}` : '  • every ticket in detail: npm run demo -- --report night.json');
      if (!opts.misses) out('  • the routine tickets that were handed off, and why: npm run demo -- --misses');
      out(`  • the decisions and attempts: the SQLite file ${sqlitePath} (tables attempts, tickets, webhook_events)`);
      out('  • dead letters, if any: npx baton jobs --status dead (with BATON_SQLITE_PATH=' + sqlitePath + ')');
      out('  • the policy that decided: connector/policy/baton.policy.yaml');
    }
    return { outcomes, totals, summary };
  } finally {
    await connector.stop();
    await sandbox.close();
  }
}

/** Until every webhook is delivered and every event job has settled. */
async function waitUntilSettled(connector: Awaited<ReturnType<typeof createConnector>>, sandbox: { idle(): Promise<void> }, onProgress: (done: number) => void): Promise<void> {
  for (;;) {
    await sandbox.idle();
    const rows = await connector.store.db
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', 'in', INTAKE_JOB_KINDS)
      .groupBy('status')
      .execute();
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    onProgress((by.done ?? 0) + (by.dead ?? 0));
    if (!by.queued && !by.running) {
      await sandbox.idle();
      const again = await connector.store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', 'in', INTAKE_JOB_KINDS).where('status', 'in', ['queued', 'running']).executeTakeFirst();
      if (Number(again?.n ?? 0) === 0) return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
