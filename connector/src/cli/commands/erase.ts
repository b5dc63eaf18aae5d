/**
 * `baton erase --requester EMAIL`: erase one customer's personal data from Baton's database
 * (a data-subject request), printing what was erased. `--dry-run` counts without changing.
 * The helpdesk's own copy of the customer is erased in the helpdesk: the command says where.
 */
import type { Command } from 'commander';
import { eraseRequester, type ErasureReport } from '../../privacy/erase.js';
import { migrate } from '../../store/migrate.js';
import { storeFromEnv } from '../runtime.js';

export function registerErase(program: Command): void {
  program
    .command('erase')
    .description("erase one customer's personal data (events, messages, replies, summaries, comments) from Baton's database")
    .requiredOption('--requester <email>', "the customer's e-mail address")
    .option('--tenant <id>', 'only this tenant, e.g. zendesk:acme (default: every tenant)')
    .option('--dry-run', 'count what would be erased, change nothing')
    .option('--json', 'print JSON')
    .action(async (opts: { requester: string; tenant?: string; dryRun?: boolean; json?: boolean }) => {
      const store = storeFromEnv();
      try {
        await migrate(store);
        const report = await eraseRequester(store, { email: opts.requester, tenantId: opts.tenant, dryRun: opts.dryRun });
        console.log(opts.json ? JSON.stringify(report, null, 2) : describeErasure(report));
      } finally {
        await store.close();
      }
    });
}

export function describeErasure(r: ErasureReport): string {
  const verb = r.dryRun ? 'would erase' : 'erased';
  if (r.tickets.length === 0 && r.rawDeliveries === 0) return `No data for ${r.email}: nothing ${r.dryRun ? 'to erase' : 'erased'}.`;
  const lines = [
    r.tickets.length > 0
      ? `${r.dryRun ? 'Dry run: ' : ''}${r.email}: ${verb} personal data on ${r.tickets.length} ticket(s): ${r.tickets.map((t) => `${t.tenantId}#${t.ticketId}`).join(', ')}`
      : `${r.dryRun ? 'Dry run: ' : ''}${r.email}: ${verb} personal data in kept webhook bodies only (no ticket of theirs is known to Baton)`,
    ...[
      ['webhook events anonymised', r.webhookEvents],
      ['attempts (message, reply, summary)', r.attempts],
      ['ticket rows (subject, requester)', r.ticketRows],
      ['agent flag comments', r.feedbackComments],
      ['satisfaction comments', r.satisfactionComments],
      ['kept webhook bodies', r.rawDeliveries],
      ['jobs cancelled / scrubbed', `${r.jobsCancelled} / ${r.jobsScrubbed}`],
    ].map(([label, count]) => `  ${String(label).padEnd(36)}${count}`),
  ];
  if (r.jobsRunning > 0) lines.push(`  ${r.jobsRunning} job(s) of these tickets are running now and were left alone: run the command again once they finish.`);
  if (!r.dryRun) for (const provider of new Set(r.tickets.map((t) => t.tenantId.split(':')[0]!))) lines.push(ERASE_IN_HELPDESK[provider] ?? ERASE_IN_HELPDESK.other!);
  // Only kept bodies named the customer: which helpdesk sent them is not in the report.
  if (!r.dryRun && r.tickets.length === 0) lines.push(ERASE_IN_HELPDESK.other!);
  return lines.join('\n');
}

/** Where the helpdesk's own copy is erased (Freshdesk: a deleted contact is kept until deleted forever; api-endpoints.md, Contacts: soft / hard delete). */
const ERASE_IN_HELPDESK: Record<string, string> = {
  zendesk: 'Erase the customer in Zendesk too (Admin Center › People): Baton erased only its own copy.',
  freshdesk: 'Delete the contact in Freshdesk too, and then delete it forever (a deleted contact is kept until then): Baton erased only its own copy.',
  other: "Erase the customer in the helpdesk too: Baton erased only its own copy.",
};
