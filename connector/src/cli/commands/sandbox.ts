import type { Command } from 'commander';
import { startSandbox, installBatonTriggers } from '../../sandbox/index.js';

export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('run the local Zendesk-compatible helpdesk (tickets, users, groups, Help Center, signed webhooks, triggers)')
    .option('-p, --port <port>', 'port', '4010')
    .option('--rate-limit <perMinute>', 'API requests per minute before 429', '700')
    .option('--connector <url>', 'install the Baton webhook and triggers pointing at this connector URL')
    .option('--secret <secret>', 'signing secret for that webhook (prints a new one if omitted)')
    .action(async (opts: { port: string; rateLimit: string; connector?: string; secret?: string }) => {
      const sandbox = await startSandbox({ port: Number(opts.port), rateLimitPerMinute: Number(opts.rateLimit), log: (m) => console.log(m) });
      console.log(`sandbox helpdesk on ${sandbox.url}`);
      console.log(`  API user: ${sandbox.apiEmail}, token: ${sandbox.apiToken}`);
      if (opts.connector) {
        const installed = await installBatonTriggers(sandbox, { endpointUrl: `${opts.connector.replace(/\/$/, '')}/webhooks/zendesk`, secret: opts.secret });
        console.log(`  webhook ${installed.webhookId} → ${opts.connector}/webhooks/zendesk; signing secret: ${installed.secret}`);
      }
      console.log(`  a customer writes in: curl -X POST ${sandbox.url}/sandbox/inbound -H 'content-type: application/json' -d '{"requester":{"name":"Sam","email":"sam@example.com"},"subject":"Password","body":"I forgot my password"}'`);
      const stop = async () => {
        await sandbox.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
