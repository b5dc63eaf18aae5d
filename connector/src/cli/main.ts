#!/usr/bin/env node
/**
 * The `baton` command. Each subcommand lives in its own file under commands/.
 */
import { Command } from 'commander';
import { isBatonError } from '../errors.js';
import { registerAudit } from './commands/audit.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerClassify } from './commands/classify.js';
import { registerDemo } from './commands/demo.js';
import { registerDoctor } from './commands/doctor.js';
import { registerErase } from './commands/erase.js';
import { registerJobs } from './commands/jobs.js';
import { registerMigrate } from './commands/migrate.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerTrain } from './commands/train.js';
import { helpdeskSolvedTickets } from './helpdesk-solved-tickets.js';

export function buildProgram(): Command {
  const program = new Command('baton')
    .description('Baton: support automation with human handoff for Zendesk')
    .showHelpAfterError();
  registerServe(program);
  registerSandbox(program);
  registerDemo(program);
  registerMigrate(program);
  registerJobs(program);
  registerClassify(program);
  registerTrain(program, { zendeskTickets: () => helpdeskSolvedTickets() });
  registerAudit(program);
  registerReport(program);
  registerCalibrate(program);
  registerErase(program);
  registerDoctor(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    // Coded errors already say what to do; print them without a stack trace.
    if (isBatonError(err)) console.error(`baton: ${err.message}`);
    else console.error(err);
    process.exitCode = 1;
  });
