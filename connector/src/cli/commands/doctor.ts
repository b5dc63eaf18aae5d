import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { doctorContext } from '../../doctor/context.js';
import { renderDoctor, runDoctor } from '../../doctor/run-doctor.js';

interface DoctorFlags {
  connectorUrl?: string;
  locales?: string;
  json?: boolean;
}

export function registerDoctor(program: Command, deps: { env?: Record<string, string | undefined>; out?: (text: string) => void } = {}): void {
  program
    .command('doctor')
    .description('check a real Zendesk account before going live: credentials, webhook, triggers, teams, Help Center, the app, rate limit, a signed test delivery')
    .option('--connector-url <url>', "the connector's public URL, as in the app's connector_url setting")
    .option('--locales <list>', 'Help Center locales to look for articles in, comma-separated (default: the languages of the reply templates)')
    .option('--json', 'print the results as JSON')
    .action(async (flags: DoctorFlags) => {
      const env = deps.env ?? process.env;
      const out = deps.out ?? ((text: string) => process.stdout.write(text));
      const config = loadConfig(env);
      const locales = flags.locales?.split(',').map((l) => l.trim()).filter(Boolean);
      const ctx = doctorContext(config, { connectorUrl: flags.connectorUrl, locales });
      const results = await runDoctor(ctx);
      out(flags.json ? JSON.stringify({ results }, null, 2) + '\n' : renderDoctor(results));
      if (results.some((r) => r.status === 'fail')) process.exitCode = 1;
    });
}
