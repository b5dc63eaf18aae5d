import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { doctorContext } from '../../doctor/context.js';
import { RULE_ACCOUNT_CHECKS, ruleDoctorContext } from '../../doctor/rule-account/index.js';
import { renderDoctor, runDoctor } from '../../doctor/run-doctor.js';
import { helpdeskName } from '../../helpdesk/open.js';

interface DoctorFlags {
  connectorUrl?: string;
  locales?: string;
  helpdesk?: string;
  json?: boolean;
}

export function registerDoctor(program: Command, deps: { env?: Record<string, string | undefined>; out?: (text: string) => void } = {}): void {
  program
    .command('doctor')
    .description('check a real helpdesk account before going live. Zendesk: credentials, webhook, triggers, teams, Help Center, the app, rate limit, a signed test delivery. Freshdesk: API key and agent, plan limit, automation rules and their loop prevention, statuses, teams, knowledge base, a test delivery')
    .option('--helpdesk <name>', 'zendesk or freshdesk (default BATON_HELPDESK, else zendesk)')
    .option('--connector-url <url>', "the connector's public URL (Zendesk: the app's connector_url setting; Freshdesk: the rules' webhook URL without /webhooks/freshdesk)")
    .option('--locales <list>', 'Zendesk: Help Center locales to look for articles in, comma-separated (default: the languages of the reply templates)')
    .option('--json', 'print the results as JSON')
    .action(async (flags: DoctorFlags) => {
      const env = deps.env ?? process.env;
      const out = deps.out ?? ((text: string) => process.stdout.write(text));
      const provider = helpdeskName(flags.helpdesk, env);
      const config = loadConfig({ ...env, BATON_HELPDESK: provider });
      let results;
      if (provider === 'freshdesk') {
        results = await runDoctor(ruleDoctorContext(config, { connectorUrl: flags.connectorUrl }), RULE_ACCOUNT_CHECKS);
      } else {
        const locales = flags.locales?.split(',').map((l) => l.trim()).filter(Boolean);
        results = await runDoctor(doctorContext(config, { connectorUrl: flags.connectorUrl, locales }));
      }
      out(flags.json ? JSON.stringify({ helpdesk: provider, results }, null, 2) + '\n' : renderDoctor(results));
      if (results.some((r) => r.status === 'fail')) process.exitCode = 1;
    });
}
