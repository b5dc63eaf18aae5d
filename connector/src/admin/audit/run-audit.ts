/**
 * `baton audit` without the command line: read tickets (a file, or Zendesk), classify them,
 * build the report and write it as HTML, Markdown, CSV and JSON into one folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HelpdeskPort } from '../../helpdesk/port.js';
import type { IntentModel, Policy } from '../../triage/index.js';
import { buildAuditReport, type AuditReport } from './build-report.js';
import { classifyRows } from './classify-rows.js';
import { readExportFile } from './read-export.js';
import { auditHtml } from './render-html.js';
import { auditMarkdown } from './render-markdown.js';
import { problemsCsv, ticketsCsv } from './render-csv.js';
import type { ReadResult } from './rows.js';
import { fetchRecentTickets, type FetchOptions } from './helpdesk-source.js';

/** A simple ticket's handling time when nobody measured it: read, look up, reply, close. */
export const DEFAULT_MINUTES_PER_TICKET = 6;

export interface AuditOptions {
  policy: Policy;
  outDir: string;
  minutesPerTicket?: number;
  periodDays?: number;
  model?: IntentModel;
  now?: Date;
  /** Progress of classification (done of total). */
  onProgress?: (done: number, total: number) => void;
}

export interface AuditFiles {
  html: string;
  markdown: string;
  ticketsCsv: string;
  problemsCsv: string;
  json: string;
}

export interface AuditResult {
  report: AuditReport;
  files: AuditFiles;
}

export async function auditTickets(read: ReadResult, source: AuditReport['source'], opts: AuditOptions): Promise<AuditResult> {
  const total = read.rows.length;
  const { classified, problems } = await classifyRows(read.rows, opts.policy, {
    model: opts.model,
    now: opts.now,
    onProgress: (done) => opts.onProgress?.(done, total),
  });
  const report = buildAuditReport({
    policy: opts.policy,
    classified,
    problems: [...read.problems, ...problems],
    source,
    minutesPerTicket: opts.minutesPerTicket ?? DEFAULT_MINUTES_PER_TICKET,
    periodDays: opts.periodDays,
    now: opts.now,
  });
  return { report, files: writeAuditReport(report, opts.outDir) };
}

export function writeAuditReport(report: AuditReport, outDir: string): AuditFiles {
  mkdirSync(outDir, { recursive: true });
  const files: AuditFiles = {
    html: path.join(outDir, 'audit.html'),
    markdown: path.join(outDir, 'audit.md'),
    ticketsCsv: path.join(outDir, 'audit-tickets.csv'),
    problemsCsv: path.join(outDir, 'audit-problems.csv'),
    json: path.join(outDir, 'audit.json'),
  };
  writeFileSync(files.html, auditHtml(report));
  writeFileSync(files.markdown, auditMarkdown(report));
  writeFileSync(files.ticketsCsv, ticketsCsv(report));
  writeFileSync(files.problemsCsv, problemsCsv(report));
  writeFileSync(files.json, JSON.stringify(report, null, 2));
  return files;
}

export function auditFile(file: string, opts: AuditOptions): Promise<AuditResult> {
  const read = readExportFile(file);
  return auditTickets(read, { kind: 'file', name: path.basename(file), format: read.format }, opts);
}

export async function auditHelpdesk(helpdesk: Pick<HelpdeskPort, 'reports' | 'provider'>, fetch: FetchOptions, opts: AuditOptions): Promise<AuditResult> {
  const read = await fetchRecentTickets(helpdesk, fetch);
  return auditTickets(read, { kind: helpdesk.provider, name: helpdesk.reports.accountName, format: read.format }, opts);
}
