/**
 * Read an export file for the audit: a Zendesk JSON export (a `tickets` list, a bare list, or
 * NDJSON with one ticket per line), `baton classify` JSONL, or a CSV with subject/description
 * columns. The format comes from the content, not the extension, because exports get renamed.
 * Rows that cannot be used are returned as problems (row number and why); only a file that
 * cannot be read at all (no text column, not a file) is an error.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from './read-csv.js';
import type { AuditRow, ReadResult, RowProblem } from './rows.js';
import { NO_SIDELOADS, rowFromTicketObject, sideloadsOf } from './ticket-object.js';

export function readExportFile(path: string): ReadResult {
  return readExportText(readFileSync(path, 'utf8'), path);
}

export function readExportText(raw: string, source = 'export'): ReadResult {
  const text = raw.replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '[' || first === '{') {
    const whole = tryJson(text);
    if (whole.ok) return fromJsonDocument(whole.value, source);
    if (first === '[' || !text.trim().includes('\n')) throw new Error(`${source}: not valid JSON (${whole.error})`);
    return fromNdjson(text);
  }
  return fromCsv(text, source);
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

function collect(items: { row: number; value: unknown }[], side = NO_SIDELOADS): { rows: AuditRow[]; problems: RowProblem[] } {
  const rows: AuditRow[] = [];
  const problems: RowProblem[] = [];
  for (const { row, value } of items) {
    const r = rowFromTicketObject(value, row, side);
    if ('problem' in r) problems.push({ row, ...(r.id ? { id: r.id } : {}), problem: r.problem });
    else rows.push(r);
  }
  return { rows, problems };
}

function fromJsonDocument(doc: unknown, source: string): ReadResult {
  if (Array.isArray(doc)) return { format: 'zendesk-json', ...collect(doc.map((value, i) => ({ row: i + 1, value }))) };
  const obj = doc as Record<string, unknown>;
  const list = obj.tickets ?? obj.results;
  if (Array.isArray(list)) return { format: 'zendesk-json', ...collect(list.map((value, i) => ({ row: i + 1, value })), sideloadsOf(obj)) };
  if (obj.ticket && typeof obj.ticket === 'object') return { format: 'zendesk-json', ...collect([{ row: 1, value: obj.ticket }]) };
  // One NDJSON line on its own is a single ticket.
  if ('subject' in obj || 'description' in obj || 'text' in obj || 'comments' in obj) return { format: 'ndjson', ...collect([{ row: 1, value: obj }]) };
  throw new Error(`${source}: expected a "tickets" list, a list of tickets, or one ticket per line`);
}

function fromNdjson(text: string): ReadResult {
  const items: { row: number; value: unknown }[] = [];
  const problems: RowProblem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = tryJson(line);
    if (parsed.ok) items.push({ row: i + 1, value: parsed.value });
    else problems.push({ row: i + 1, problem: `not valid JSON (${parsed.error})` });
  });
  const got = collect(items);
  return { format: 'ndjson', rows: got.rows, problems: [...problems, ...got.problems].sort((a, b) => a.row - b.row) };
}

/** Header names an export may use for each thing we read, normalised to snake_case. */
const COLUMNS = {
  id: ['id', 'ticket_id', 'ticket', 'key', 'number'],
  subject: ['subject', 'title', 'summary'],
  text: ['description', 'body', 'text', 'message', 'comment', 'first_comment', 'content'],
  createdAt: ['created_at', 'created', 'date', 'time', 'submitted_at', 'requested'],
  email: ['requester_email', 'email', 'requester', 'customer_email'],
  organization: ['organization', 'organization_name', 'company'],
} as const;

const normalise = (h: string) => h.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

function fromCsv(text: string, source: string): ReadResult {
  const delimiter = sniffDelimiter(text);
  const { records, problems: parseProblems } = parseCsv(text, delimiter);
  const [header, ...body] = records;
  if (!header) throw new Error(`${source}: empty file`);
  const names = header.fields.map(normalise);
  const col = (key: keyof typeof COLUMNS) => names.findIndex((n) => (COLUMNS[key] as readonly string[]).includes(n));
  const at = { id: col('id'), subject: col('subject'), text: col('text'), createdAt: col('createdAt'), email: col('email'), organization: col('organization') };
  if (at.subject < 0 && at.text < 0) {
    throw new Error(`${source}: no subject or description column; the header has ${header.fields.map((h) => `"${h}"`).join(', ')}`);
  }
  const problems: RowProblem[] = parseProblems.map((p) => ({ row: p.line, problem: p.problem }));
  const rows: AuditRow[] = [];
  for (const rec of body) {
    const get = (i: number) => (i >= 0 ? rec.fields[i] ?? '' : '');
    const id = get(at.id).trim() || `line-${rec.line}`;
    if (rec.fields.length !== names.length) {
      const what = rec.fields.length < names.length ? 'missing columns' : 'extra columns (an unquoted comma?)';
      problems.push({ row: rec.line, id, problem: `${rec.fields.length} columns where the header has ${names.length}: ${what}` });
      continue;
    }
    const subject = get(at.subject).trim();
    const body = get(at.text).trim();
    if (subject === '' && body === '') {
      problems.push({ row: rec.line, id, problem: 'no text: subject and description are both empty' });
      continue;
    }
    const created = get(at.createdAt).trim();
    const createdMs = created ? Date.parse(created) : NaN;
    const org = get(at.organization).trim();
    const email = get(at.email).trim();
    rows.push({
      row: rec.line,
      id,
      subject,
      text: body,
      createdAt: Number.isNaN(createdMs) ? null : createdMs,
      ...(email || org ? { requester: { email: email || undefined, tags: [], ...(org ? { organization: { name: org, tags: [], fields: {} } } : {}) } } : {}),
    });
  }
  return { format: 'csv', rows, problems: problems.sort((a, b) => a.row - b.row) };
}

/** Comma unless the header line clearly uses semicolons or tabs (European spreadsheets). */
function sniffDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => head.split(c).length - 1;
  const best = [',', ';', '\t'].sort((a, b) => count(b) - count(a))[0]!;
  return count(best) > 0 ? best : ',';
}
