/**
 * `baton train --from zendesk|freshdesk|FILE`: fit the local intent model on a tenant's solved tickets
 * and keep it under the models directory (<dir>/<tenant>/intent-model.json). Prints the
 * accuracy on the tenant's held-back tickets. The shipped model stays the fallback.
 *
 * The helpdesk source is injected (`deps.helpdeskTickets`) by whoever owns the helpdesk
 * client; it only has to yield {text, tags, group} for solved tickets.
 */
import type { Command } from 'commander';
import { loadPolicy } from '../../triage/policy/load.js';
import { readSolvedTicketsFile, trainTenantModel, type SolvedTicket, type TenantTrainReport } from '../../triage/model/tenant-training.js';

export interface TrainDeps {
  /** Solved tickets from the named helpdesk (wired by the CLI main). */
  helpdeskTickets?: (helpdesk: 'zendesk' | 'freshdesk') => AsyncIterable<SolvedTicket>;
}

interface TrainFlags {
  from: string;
  tenant: string;
  modelsDir: string;
  policy?: string;
  baseCorpus: boolean;
}

export function formatTrainReport(r: TenantTrainReport): string {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  const intents = Object.entries(r.perIntent)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `tenant ${r.tenantId}: trained on ${r.labelled} labelled tickets (${intents})`,
    `skipped: ${r.skipped.unlabelled} without a mapped tag, ${r.skipped.unknownIntent} with an intent not in the policy, ${r.skipped.empty} empty`,
    `held-back tenant tickets: ${r.heldBack.count}, accuracy ${pct(r.heldBack.accuracy)}`,
    `held-back overall (tenant + corpus): ${r.overall.count}, accuracy ${pct(r.overall.accuracy)}, calibration error ${r.overall.ece ?? 'n/a'}`,
    `model written to ${r.path}`,
  ].join('\n');
}

export function registerTrain(program: Command, deps: TrainDeps = {}): void {
  program
    .command('train')
    .description("fit the local intent model on a tenant's solved tickets")
    .requiredOption('--from <source>', '"zendesk", "freshdesk", or a JSONL file of {"text","label"} or {"text","tags","group"}')
    .option('--tenant <id>', 'tenant the model belongs to', process.env.BATON_TENANT ?? 'default')
    .option('--models-dir <dir>', 'where per-tenant models live', process.env.BATON_MODELS_DIR ?? './data/models')
    .option('--policy <file>', 'policy with training.label_map (default: BATON_POLICY_PATH or the shipped policy)')
    .option('--no-base-corpus', "train on the tenant's tickets only, without the project corpus")
    .action(async (flags: TrainFlags) => {
      const policy = loadPolicy(flags.policy ?? process.env.BATON_POLICY_PATH ?? undefined);
      let tickets: AsyncIterable<SolvedTicket>;
      if (flags.from === 'zendesk' || flags.from === 'freshdesk') {
        if (!deps.helpdeskTickets) throw new Error(`--from ${flags.from}: no helpdesk source is configured in this build; export solved tickets to JSONL and pass the file`);
        tickets = deps.helpdeskTickets(flags.from);
      } else {
        tickets = readSolvedTicketsFile(flags.from);
      }
      const report = await trainTenantModel(tickets, {
        tenantId: flags.tenant,
        modelsDir: flags.modelsDir,
        policy,
        includeBaseCorpus: flags.baseCorpus,
      });
      console.log(formatTrainReport(report));
    });
}
