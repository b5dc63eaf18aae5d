import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { startSandbox, installBatonTriggers } from '../../sandbox/index.js';
import { FRESHDESK_SECRET_HEADER, installBatonRules } from '../../sandbox/freshdesk/install-baton-rules.js';

export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('run the local helpdesk (tickets, users, groups, knowledge base, webhooks) speaking Zendesk\'s or Freshdesk\'s API')
    .option('--helpdesk <name>', 'zendesk or freshdesk', 'zendesk')
    .option('-p, --port <port>', 'port', '4010')
    .option('--rate-limit <perMinute>', 'API requests per minute before 429', '700')
    .option('--connector <url>', 'install the Baton webhook and triggers pointing at this connector URL')
    .option('--secret <secret>', 'signing secret (Zendesk) or secret header value (Freshdesk) for that webhook (a new one if omitted)')
    .action(async (opts: { port: string; rateLimit: string; connector?: string; secret?: string; helpdesk: string }) => {
      if (opts.helpdesk !== 'zendesk' && opts.helpdesk !== 'freshdesk') throw new Error(`--helpdesk must be zendesk or freshdesk, not "${opts.helpdesk}"`);
      const sandbox = await startSandbox({ helpdesk: opts.helpdesk, port: Number(opts.port), rateLimitPerMinute: Number(opts.rateLimit), log: (m) => console.log(m) });
      const stop = async () => {
        await sandbox.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      if (sandbox.freshdesk) {
        console.log(`sandbox helpdesk (Freshdesk API) on ${sandbox.url}`);
        console.log(`  API key: ${sandbox.freshdesk.apiKey}`);
        if (opts.connector) {
          const secret = opts.secret ?? randomBytes(24).toString('base64url');
          const endpointUrl = `${opts.connector.replace(/\/$/, '')}/webhooks/freshdesk`;
          const rules = await installBatonRules({ url: sandbox.url, apiKey: sandbox.freshdesk.apiKey }, { endpointUrl, secret });
          console.log(`  automation rules ${rules.ticketCreated}, ${rules.customerReply} and ${rules.agentReturn} → ${endpointUrl}; header ${FRESHDESK_SECRET_HEADER}: ${secret}`);
        }
        console.log(`  a customer writes in: curl -X POST ${sandbox.url}/sandbox/inbound -H 'content-type: application/json' -d '{"requester":{"name":"Sam","email":"sam@example.com"},"subject":"Password","body":"I forgot my password"}'`);
        return;
      }
      console.log(`sandbox helpdesk on ${sandbox.url}`);
      console.log(`  API user: ${sandbox.apiEmail}, token: ${sandbox.apiToken}`);
      if (opts.connector) {
        const installed = await installBatonTriggers(sandbox, { endpointUrl: `${opts.connector.replace(/\/$/, '')}/webhooks/zendesk`, secret: opts.secret });
        console.log(`  webhook ${installed.webhookId} → ${opts.connector}/webhooks/zendesk; signing secret: ${installed.secret}`);
      }
      console.log(`  a customer writes in: curl -X POST ${sandbox.url}/sandbox/inbound -H 'content-type: application/json' -d '{"requester":{"name":"Sam","email":"sam@example.com"},"subject":"Password","body":"I forgot my password"}'`);
    });
}
