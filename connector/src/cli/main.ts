#!/usr/bin/env node
/**
 * The `baton` command. Each subcommand lives in its own file under commands/.
 */
import { Command } from 'commander';
import { isBatonError } from '../errors.js';

type Register = (program: Command) => void;

/**
 * Each command's module is imported only when that command runs (or for help): `baton serve`
 * does not load the sandbox, the demo or the audit, which keeps the service's start-up short.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./commands/serve.js')).registerServe,
  sandbox: async () => (await import('./commands/sandbox.js')).registerSandbox,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  migrate: async () => (await import('./commands/migrate.js')).registerMigrate,
  jobs: async () => (await import('./commands/jobs.js')).registerJobs,
  purge: async () => (await import('./commands/purge.js')).registerPurge,
  classify: async () => (await import('./commands/classify.js')).registerClassify,
  train: async () => {
    const [{ registerTrain }, { helpdeskSolvedTickets }] = await Promise.all([import('./commands/train.js'), import('./helpdesk-solved-tickets.js')]);
    return (program) => registerTrain(program, { helpdeskTickets: (helpdesk) => helpdeskSolvedTickets(helpdesk) });
  },
  audit: async () => (await import('./commands/audit.js')).registerAudit,
  report: async () => (await import('./commands/report.js')).registerReport,
  calibrate: async () => (await import('./commands/calibrate.js')).registerCalibrate,
  erase: async () => (await import('./commands/erase.js')).registerErase,
  doctor: async () => (await import('./commands/doctor.js')).registerDoctor,
};

/** The program with the named command only, or with every command (help, or an unknown name). */
export async function buildProgram(command?: string): Promise<Command> {
  const program = new Command('baton')
    .description('Baton: support automation with human handoff for Zendesk and Freshdesk')
    .showHelpAfterError();
  const names = command && command in COMMANDS ? [command] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program);
  return program;
}

buildProgram(process.argv[2])
  .then((program) => program.parseAsync(process.argv))
  .catch((err: unknown) => {
    // Coded errors already say what to do; print them without a stack trace.
    if (isBatonError(err)) console.error(`baton: ${err.message}`);
    else console.error(err);
    process.exitCode = 1;
  });
