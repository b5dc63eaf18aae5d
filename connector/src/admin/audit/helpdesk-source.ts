/**
 * The last N tickets straight from the helpdesk, through its port (so the account's rate
 * budget holds, 429s wait, 5xx retry), turned into audit rows like an export file's.
 */
import type { HelpdeskPort } from '../../helpdesk/port.js';
import type { ReadResult, RowProblem, AuditRow } from './rows.js';
import { rowFromTicketObject, type Sideloads } from './ticket-object.js';

export interface FetchOptions {
  limit?: number;
  /** Only tickets created on or after this day (YYYY-MM-DD). */
  createdSince?: string;
  onProgress?: (done: number, total: number) => void;
}

export async function fetchRecentTickets(helpdesk: Pick<HelpdeskPort, 'reports'>, opts: FetchOptions = {}): Promise<ReadResult> {
  const recent = await helpdesk.reports.recentTickets(opts);
  const problems: RowProblem[] = recent.problems.map((p) => ({ row: 0, ...p }));
  const side: Sideloads = { users: new Map(), organizations: recent.organizations };
  const rows: AuditRow[] = [];
  recent.tickets.forEach((t, i) => {
    const r = rowFromTicketObject(t, i + 1, side);
    if ('problem' in r) problems.push({ row: i + 1, ...(r.id ? { id: r.id } : {}), problem: r.problem });
    else rows.push(r);
  });
  return { format: recent.format as ReadResult['format'], rows, problems };
}
