import type { Command } from 'commander';
import { createConnector } from '../../connector.js';
import { createTriageFromConfig } from '../engine.js';
import { integrationsFromEnv } from '../../integrations/from-env.js';
import { missingNodeOptions, NODE_RUNTIME_FLAGS } from '../node-options.js';
import { cliLogger, configFromEnv } from '../runtime.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the connector: webhook intake, job worker, sidebar API, metrics')
    .option('-p, --port <port>', 'HTTP port (overrides PORT)')
    .action(async (opts: { port?: string }) => {
      const config = configFromEnv(opts.port ? { PORT: opts.port } : {});
      const log = cliLogger(config.LOG_LEVEL);
      const integrations = await integrationsFromEnv(process.env, log);
      const connector = await createConnector({ config, log, integrations, ...createTriageFromConfig(config, log) });
      const url = await connector.start();
      log.info({ url, database: connector.store.dialect, node: process.version, nodeOptions: process.execArgv }, 'baton connector listening');
      const missing = missingNodeOptions(process.execArgv, process.env.NODE_OPTIONS);
      if (missing.length > 0) {
        log.warn(
          { missing, expected: NODE_RUNTIME_FLAGS },
          `started without the connector's Node options ${missing.join(' ')}: start it with \`npx baton serve\` (its first line passes them) or \`node ${NODE_RUNTIME_FLAGS.join(' ')} connector/bin/baton.js serve\`; without them triage is slower right after a start on small machines`,
        );
      }
      const shutdown = async (signal: string) => {
        log.info({ signal }, 'shutting down: finishing jobs in flight');
        await connector.stop();
        process.exit(0);
      };
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      process.once('SIGINT', () => void shutdown('SIGINT'));
    });
}
