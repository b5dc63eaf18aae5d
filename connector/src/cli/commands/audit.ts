/**
 * `baton audit [FILE]`: before automating, see what could be automated. Reads an export file
 * (Zendesk JSON / NDJSON, JSONL, CSV), the last N tickets from the helpdesk (--from-zendesk,
 * --from-freshdesk, or --from-helpdesk for the configured one), or
 * the demo's overnight inbox (--overnight), classifies every ticket with the local engine and
 * writes audit.html, audit.md, audit-tickets.csv, audit-problems.csv and audit.json.
 * Unreadable rows are listed in the report, not fatal.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { auditFile, auditHelpdesk, DEFAULT_MINUTES_PER_TICKET, type AuditResult } from '../../admin/audit/run-audit.js';
import { writeOvernightInboxExport } from '../../admin/audit/overnight-export.js';
import { positiveNumber } from '../../admin/cli-support.js';
import { helpdeskFromEnv, helpdeskName, type HelpdeskName } from '../../helpdesk/open.js';
import { progressBar } from '../../demo/progress.js';
import type { HelpdeskPort } from '../../helpdesk/port.js';
import { loadPolicy } from '../../triage/index.js';

interface AuditFlags {
  fromZendesk?: boolean;
  fromFreshdesk?: boolean;
  fromHelpdesk?: boolean;
  overnight?: boolean;
  limit?: string;
  since?: string;
  out?: string;
  policy?: string;
  minutesPerTicket?: string;
  periodDays?: string;
  seed?: string;
  count?: string;
}

export interface AuditDeps {
  helpdesk?: (provider: HelpdeskName) => HelpdeskPort;
  log?: (line: string) => void;
}

function summary(result: AuditResult): string {
  const r = result.report;
  const shares = r.buckets.map((b) => `${b.label.toLowerCase()} ${(b.share * 100).toFixed(0)}%`).join(', ');
  return [
    `audited ${r.totals.classified} tickets: ${shares}`,
    `${r.candidates.length} automation candidate(s), about ${r.savings.agentHoursPerWeek} agent hours / week (${r.assumptions.minutesPerTicket} min per ticket, ${r.period.days} day(s) of tickets)`,
    r.totals.problems ? `${r.totals.problems} row(s) could not be read: see ${result.files.problemsCsv}` : 'every row was read',
    `report: ${result.files.html}`,
    `        ${result.files.markdown}`,
    `        ${result.files.ticketsCsv}`,
  ].join('\n');
}

export function registerAudit(program: Command, deps: AuditDeps = {}): void {
  program
    .command('audit')
    .description('audit tickets before automating: buckets, intents, customer phrases, candidates, rollout order (HTML, Markdown, CSV)')
    .argument('[file]', 'export file: Zendesk JSON (tickets list or one ticket per line), JSONL, or CSV with subject/description columns')
    .option('--from-zendesk', 'read the last tickets from Zendesk (ZENDESK_BASE_URL, ZENDESK_EMAIL, ZENDESK_API_TOKEN)')
    .option('--from-freshdesk', 'read the last tickets from Freshdesk (FRESHDESK_DOMAIN, FRESHDESK_API_KEY, FRESHDESK_PLAN)')
    .option('--from-helpdesk', 'read the last tickets from the helpdesk BATON_HELPDESK names')
    .option('--overnight', "audit the demo's overnight inbox, exported as a Zendesk JSON file")
    .option('--limit <n>', 'tickets to read from the helpdesk (default 500; Zendesk: at most 1000)')
    .option('--since <date>', 'with --from-zendesk/--from-freshdesk: only tickets created on or after this day (YYYY-MM-DD)')
    .option('--out <dir>', 'folder for the report (default ./reports/audit-<date>)')
    .option('--policy <file>', 'triage policy (default: BATON_POLICY_PATH or the shipped policy)')
    .option('--minutes-per-ticket <n>', `agent minutes one automated ticket saves (default ${DEFAULT_MINUTES_PER_TICKET})`)
    .option('--period-days <n>', 'days the tickets cover (default: measured from their creation times)')
    .option('--seed <n>', 'with --overnight: seed of the generated inbox')
    .option('--count <n>', 'with --overnight: number of tickets (default 500)')
    .action(async (file: string | undefined, flags: AuditFlags) => {
      const log = deps.log ?? ((line: string) => console.log(line));
      const from = flags.fromZendesk ? 'zendesk' : flags.fromFreshdesk ? 'freshdesk' : flags.fromHelpdesk ? helpdeskName(undefined) : undefined;
      const sources = [file !== undefined, flags.fromZendesk === true, flags.fromFreshdesk === true, flags.fromHelpdesk === true, flags.overnight === true].filter(Boolean).length;
      if (sources !== 1) throw new Error('give exactly one source: a FILE, --from-zendesk, --from-freshdesk, --from-helpdesk, or --overnight');
      const outDir = flags.out ?? path.join('reports', `audit-${new Date().toISOString().slice(0, 10)}`);
      const bar = { current: null as ReturnType<typeof progressBar> | null };
      const opts = {
        policy: loadPolicy(flags.policy ?? process.env.BATON_POLICY_PATH ?? undefined),
        outDir,
        minutesPerTicket: positiveNumber(flags.minutesPerTicket, '--minutes-per-ticket', DEFAULT_MINUTES_PER_TICKET),
        periodDays: flags.periodDays === undefined ? undefined : positiveNumber(flags.periodDays, '--period-days', 7),
        onProgress: (done: number, total: number) => {
          bar.current ??= progressBar('classifying', total);
          bar.current.update(done);
          if (done === total) bar.current.done();
        },
      };
      let result: AuditResult;
      if (from) {
        const helpdesk = (deps.helpdesk ?? ((name: HelpdeskName) => helpdeskFromEnv(process.env, name)))(from);
        let reading: ReturnType<typeof progressBar> | null = null;
        result = await auditHelpdesk(
          helpdesk,
          {
            limit: flags.limit ? positiveNumber(flags.limit, '--limit', 500) : 500,
            createdSince: flags.since,
            onProgress: (done, total) => {
              reading ??= progressBar(`reading ${from === 'freshdesk' ? 'Freshdesk' : 'Zendesk'}`, total);
              reading.update(done);
              if (done >= total) reading.done();
            },
          },
          opts,
        );
      } else if (flags.overnight) {
        const exportFile = path.join(outDir, 'overnight-export.json');
        mkdirSync(outDir, { recursive: true });
        writeOvernightInboxExport(exportFile, { seed: flags.seed ? Number(flags.seed) : undefined, count: flags.count ? Number(flags.count) : undefined });
        log(`overnight inbox exported to ${exportFile}`);
        result = await auditFile(exportFile, opts);
      } else {
        result = await auditFile(file!, opts);
      }
      log(summary(result));
    });
}
