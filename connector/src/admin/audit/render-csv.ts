/** The audit's CSV files: one line per ticket classified, one per row that could not be read. */
import type { AuditReport } from './build-report.js';

/** RFC 4180: quote when needed, double inner quotes; formulas are defused for spreadsheets. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  // A cell starting with = + - @ runs as a formula in Excel; customer text must never do that.
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: (string | number | null)[]) => cells.map(csvCell).join(',');

export function ticketsCsv(report: AuditReport): string {
  const header = ['row', 'id', 'created_at', 'subject', 'intent', 'confidence', 'action', 'bucket', 'team', 'reasons'];
  const rows = report.tickets.map((t) => line([t.row, t.id, t.createdAt, t.subject, t.intent, t.confidence, t.action, t.bucket, t.team, t.reasons.join(';')]));
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}

export function problemsCsv(report: AuditReport): string {
  return [['row', 'id', 'problem'].join(','), ...report.problems.map((p) => line([p.row, p.id ?? null, p.problem]))].join('\r\n') + '\r\n';
}
