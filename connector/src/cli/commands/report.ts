/**
 * `baton report`: after automating, measure. Handoff rate (beside the guide's healthy range),
 * durable automation rate, reopens, CSAT by path, response and resolution times, per intent,
 * team and week, from the store; --json prints the analytics page's JSON. --sync first pulls
 * CSAT ratings and ticket outcomes from Zendesk; --review prints the weekly review of
 * escalations; --shadow compares shadow decisions with what agents did.
 */
import type { Command } from 'commander';
import { positiveNumber, rangeFromFlags, resolveTenant } from '../../admin/cli-support.js';
import { helpdeskFromEnv } from '../../helpdesk/open.js';
import { renderWeeklyReview } from '../../admin/calibration/render.js';
import { weeklyReview } from '../../admin/calibration/weekly-review.js';
import { analyticsSummary } from '../../admin/metrics/analytics-summary.js';
import { renderReport } from '../../admin/metrics/render-report.js';
import { syncTicketOutcomes } from '../../admin/metrics/sync-outcomes.js';
import { syncSatisfactionRatings } from '../../admin/metrics/sync-satisfaction.js';
import { renderShadowReport } from '../../admin/rollout/render-shadow.js';
import { shadowReport } from '../../admin/rollout/shadow-report.js';
import { ensureAdminTables } from '../../admin/store/tables.js';
import type { HelpdeskPort } from '../../helpdesk/port.js';
import type { Store } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { loadPolicy } from '../../triage/index.js';
import { storeFromEnv } from '../runtime.js';

interface ReportFlags {
  from?: string;
  to?: string;
  days?: string;
  tenant?: string;
  json?: boolean;
  sync?: boolean;
  review?: boolean;
  shadow?: boolean;
  policy?: string;
  helpdesk?: string;
}

export interface ReportDeps {
  /** A store the command uses and leaves open (tests); default: from the environment, closed after. */
  store?: Store;
  helpdesk?: () => HelpdeskPort;
  out?: (text: string) => void;
}

export function registerReport(program: Command, deps: ReportDeps = {}): void {
  program
    .command('report')
    .description('handoff and automation rates, reopens, CSAT and response times, per intent, team and week')
    .option('--from <date>', 'start (YYYY-MM-DD or ISO time; default: --days before --to)')
    .option('--to <date>', 'end, exclusive (default now)')
    .option('--days <n>', 'length of the default range in days', '7')
    .option('--tenant <id>', 'tenant, e.g. zendesk:acme (default: all; BATON_TENANT or the only one for --sync/--shadow)')
    .option('--json', 'print the analytics JSON instead of tables')
    .option('--sync', 'first pull CSAT ratings and ticket outcomes from the helpdesk')
    .option('--review', "print the weekly review of escalations by reason (the week holding --from, default last week)")
    .option('--shadow', 'compare shadow-mode decisions with what agents did (reads the helpdesk)')
    .option('--helpdesk <name>', 'zendesk or freshdesk, for --sync and --shadow (default BATON_HELPDESK, else zendesk)')
    .option('--policy <file>', 'policy for --shadow team names (default: BATON_POLICY_PATH or the shipped policy)')
    .action(async (flags: ReportFlags) => {
      const out = deps.out ?? ((text: string) => process.stdout.write(text));
      const store = deps.store ?? storeFromEnv();
      try {
        await migrate(store);
        await ensureAdminTables(store);
        const range = rangeFromFlags(flags, positiveNumber(flags.days, '--days', 7));
        const helpdesk = () => (deps.helpdesk ?? (() => helpdeskFromEnv(process.env, flags.helpdesk)))();

        if (flags.sync) {
          const tenantId = await resolveTenant(store, flags.tenant);
          const h = helpdesk();
          const ratings = await syncSatisfactionRatings(store, h, { tenantId, since: range.from });
          const outcomes = await syncTicketOutcomes(store, h, { tenantId, since: range.from });
          if (ratings.skipped) process.stderr.write(`${ratings.skipped.message}\n`);
          process.stderr.write(`synced ${ratings.stored} CSAT rating(s) and ${outcomes.synced} ticket outcome(s)${outcomes.failed.length ? `; ${outcomes.failed.length} ticket(s) unreadable` : ''}\n`);
        }
        if (flags.review) {
          const review = await weeklyReview(store, { tenantId: flags.tenant, week: flags.from ? range.from : undefined });
          out(flags.json ? JSON.stringify(review, null, 2) + '\n' : renderWeeklyReview(review));
          return;
        }
        if (flags.shadow) {
          const tenantId = await resolveTenant(store, flags.tenant);
          const policy = loadPolicy(flags.policy ?? process.env.BATON_POLICY_PATH ?? undefined);
          const report = await shadowReport(store, helpdesk(), { tenantId, policy, ...range });
          out(flags.json ? JSON.stringify(report, null, 2) + '\n' : renderShadowReport(report));
          return;
        }
        const summary = await analyticsSummary(store, { ...range, tenantId: flags.tenant });
        out(flags.json ? JSON.stringify(summary, null, 2) + '\n' : renderReport(summary));
      } finally {
        if (!deps.store) await store.close();
      }
    });
}
