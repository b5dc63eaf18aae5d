/**
 * `baton audit` on two differently shaped inputs: the overnight inbox exported as a Zendesk
 * JSON export (tickets with users and organizations sideloaded), and a messy CSV written here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overnightInboxExport, writeOvernightInboxExport } from '../../connector/src/admin/audit/overnight-export.js';
import { readExportText } from '../../connector/src/admin/audit/read-export.js';
import { auditFile, type AuditResult } from '../../connector/src/admin/audit/run-audit.js';
import { SECTIONS } from '../../connector/src/admin/audit/sections.js';
import { registerAudit } from '../../connector/src/cli/commands/audit.js';
import { buildOvernightInbox } from '../../connector/src/demo/inbox/index.js';
import { loadPolicy } from '../../connector/src/triage/index.js';

const policy = loadPolicy();
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'baton-audit-'));

describe('audit of the overnight inbox export', () => {
  let result: AuditResult;
  let exportFile: string;
  beforeAll(async () => {
    const dir = tmp();
    exportFile = path.join(dir, 'overnight.json');
    expect(writeOvernightInboxExport(exportFile)).toBe(500);
    result = await auditFile(exportFile, { policy, outDir: path.join(dir, 'report') });
  });

  it('exports the night in Zendesk shapes: tickets with sideloaded users and organizations', () => {
    const doc = JSON.parse(readFileSync(exportFile, 'utf8')) as { tickets: Record<string, unknown>[]; users: { id: number; organization_id: number | null }[]; organizations: { id: number; tags: string[] }[] };
    expect(doc.tickets).toHaveLength(500);
    expect(doc.tickets[0]).toMatchObject({ id: expect.any(Number), subject: expect.any(String), description: expect.any(String), via: { channel: expect.any(String) }, requester_id: expect.any(Number) });
    const user = doc.users.find((u) => u.id === doc.tickets[0]!.requester_id);
    expect(user).toBeDefined();
    expect(doc.users.some((u) => u.organization_id !== null && doc.organizations.some((o) => o.id === u.organization_id))).toBe(true);
  });

  it('writes HTML with SVG charts, Markdown and CSV, each with the expected sections', () => {
    const html = readFileSync(result.files.html, 'utf8');
    const md = readFileSync(result.files.markdown, 'utf8');
    for (const title of Object.values(SECTIONS)) {
      expect(html).toContain(`<h2>${title.replace(/'/g, '&#39;')}</h2>`);
      expect(md).toContain(`## ${title}`);
    }
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script/i);
    const csv = readFileSync(result.files.ticketsCsv, 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('row,id,created_at,subject,intent,confidence,action,bucket,team,reasons');
    expect(csv).toHaveLength(501);
    expect(readFileSync(result.files.problemsCsv, 'utf8').trimEnd()).toBe('row,id,problem');
  });

  it('splits the tickets into the three buckets with shares', () => {
    const { buckets, totals } = result.report;
    expect(totals).toEqual({ read: 500, classified: 500, problems: 0 });
    expect(buckets.map((b) => b.bucket)).toEqual(['full', 'partial', 'human']);
    expect(buckets.reduce((s, b) => s + b.tickets, 0)).toBe(500);
    expect(buckets.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1);
    for (const b of buckets) expect(b.tickets).toBeGreaterThan(0);
    // Sideloaded organizations reach the engine: VIP accounts need a person.
    const vip = result.report.tickets.filter((t) => t.reasons.includes('vip'));
    expect(vip.length).toBeGreaterThan(0);
    expect(vip.every((t) => t.bucket === 'human')).toBe(true);
  });

  it('finds the phrases that signal an intent, with example tickets in the customers’ words', () => {
    const reset = result.report.phrases.find((p) => p.intent === 'password_reset')!;
    expect(reset.phrases.length).toBeGreaterThan(0);
    expect(reset.phrases.some((p) => /password|reset/.test(p.phrase))).toBe(true);
    const top = reset.phrases[0]!;
    expect(top.z).toBeGreaterThan(1.96);
    expect(top.examples.length).toBeGreaterThan(0);
    const ticket = result.report.tickets.find((t) => t.id === top.examples[0]!.id)!;
    expect(ticket.intent).toBe('password_reset');
  });

  it('ranks 5 to 10 automation candidates with weekly savings and states the assumptions', () => {
    const { candidates, assumptions, period } = result.report;
    expect(candidates.length).toBeGreaterThanOrEqual(5);
    expect(candidates.length).toBeLessThanOrEqual(10);
    expect(candidates.map((c) => c.rank)).toEqual(candidates.map((_, i) => i + 1));
    for (const c of candidates) {
      expect(c.automatable).toBeLessThanOrEqual(c.tickets);
      expect(c.agentHoursPerWeek).toBeCloseTo((c.ticketsPerWeek * assumptions.minutesPerTicket) / 60, 0);
    }
    expect(['complaint', 'legal_privacy_security', 'human_request']).not.toContain(candidates[0]!.intent);
    expect(period.measured).toBe(true);
    expect(assumptions.notes.join(' ')).toMatch(/6 agent minutes per ticket/);
  });

  it('suggests shadow before live, intent by intent', () => {
    const steps = result.report.rollout;
    expect(steps[0]!.mode).toBe('shadow');
    expect(steps[1]).toMatchObject({ mode: 'live', intents: steps[0]!.intents });
    const ready = new Set(result.report.candidates.filter((c) => c.readyNow).map((c) => c.intent));
    expect(steps[0]!.intents.every((i) => ready.has(i))).toBe(true);
  });
});

const MESSY_CSV = [
  'Ticket ID,Subject,Description,Created At',
  '101,Forgot password,"I forgot my password, can you send a reset link?",2025-03-03T09:00:00Z',
  '102,Where is my order,"My order NW-123456 has not arrived, where is it?",2025-03-03T10:00:00Z',
  '103,Only two columns',
  '104,"Broken "quote" here",Some text,2025-03-04T10:00:00Z',
  '105,,,2025-03-04T11:00:00Z',
  '106,Refund,I want a refund, now,2025-03-05T08:00:00Z',
  '107,Multi-line,"Hello,\nhow do I add a new user to our account?\nThanks",2025-03-05T09:00:00Z',
  '108,Quotes,"She said ""it works"" but my account is still locked",2025-03-06T09:00:00Z',
  '109,Never closed,"this quote never closes,2025-03-06T10:00:00Z',
  '',
].join('\r\n');

describe('audit of a messy CSV', () => {
  let result: AuditResult;
  let out: string[];
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    const file = path.join(dir, 'tickets.csv');
    writeFileSync(file, MESSY_CSV);
    out = [];
    const program = new Command().exitOverride();
    registerAudit(program, { log: (l) => out.push(l) });
    await program.parseAsync(['node', 'baton', 'audit', file, '--out', path.join(dir, 'report')]);
    result = { report: JSON.parse(readFileSync(path.join(dir, 'report', 'audit.json'), 'utf8')), files: {} as AuditResult['files'] };
  });
  afterAll(() => undefined);

  it('reports each row it could not read, with its line and why, and audits the rest', () => {
    expect(result.report.problems).toEqual([
      { row: 4, id: '103', problem: '2 columns where the header has 4: missing columns' },
      { row: 5, problem: expect.stringMatching(/text after a closing quote in column 2/) },
      { row: 6, id: '105', problem: 'no text: subject and description are both empty' },
      { row: 7, id: '106', problem: '5 columns where the header has 4: extra columns (an unquoted comma?)' },
      { row: 12, problem: 'a quoted field is never closed (missing ")' },
    ]);
    expect(result.report.tickets.map((t: { id: string }) => t.id)).toEqual(['101', '102', '107', '108']);
    expect(result.report.totals).toEqual({ read: 9, classified: 4, problems: 5 });
  });

  it('reads quoted commas, doubled quotes and line breaks inside a field', () => {
    const read = readExportText(MESSY_CSV, 'tickets.csv');
    expect(read.format).toBe('csv');
    expect(read.rows.find((r) => r.id === '107')!.text).toBe('Hello,\nhow do I add a new user to our account?\nThanks');
    expect(read.rows.find((r) => r.id === '108')!.text).toBe('She said "it works" but my account is still locked');
    expect(read.rows.find((r) => r.id === '101')!.createdAt).toBe(Date.parse('2025-03-03T09:00:00Z'));
  });

  it('lists the problems in the reports and tells the admin where to look', () => {
    const md = readFileSync(path.join(dir, 'report', 'audit.md'), 'utf8');
    expect(md).toMatch(/\| 4 \| 103 \| 2 columns where the header has 4: missing columns \|/);
    const problems = readFileSync(path.join(dir, 'report', 'audit-problems.csv'), 'utf8').trimEnd().split('\r\n');
    expect(problems).toHaveLength(6);
    expect(out.join('\n')).toMatch(/5 row\(s\) could not be read/);
    expect(result.report.intents.find((i: { intent: string }) => i.intent === 'password_reset')?.tickets).toBe(1);
  });
});

describe('other export shapes', () => {
  it('reads NDJSON, reporting a broken line by number', () => {
    const lines = [
      JSON.stringify({ id: 1, subject: 'Locked out', description: 'My account is locked after too many attempts' }),
      '{"id": 2, "subject": "cut off',
      JSON.stringify({ id: 3, subject: '', description: '' }),
      JSON.stringify({ id: 4, comments: [{ author: 'customer', body: 'How do I export my invoices?' }] }),
    ].join('\n');
    const read = readExportText(lines);
    expect(read.format).toBe('ndjson');
    expect(read.rows.map((r) => r.id)).toEqual(['1', '4']);
    expect(read.problems.map((p) => [p.row, p.problem.slice(0, 20)])).toEqual([
      [2, 'not valid JSON (Unte'],
      [3, 'no text: subject and'],
    ]);
  });

  it('reads a bare list of Zendesk tickets and refuses a file with no text column', () => {
    const inbox = buildOvernightInbox(undefined, { count: 20 });
    const doc = overnightInboxExport(inbox) as { tickets: unknown[] };
    expect(readExportText(JSON.stringify(doc.tickets)).rows).toHaveLength(20);
    expect(() => readExportText('id,created\n1,2025-01-01\n', 'x.csv')).toThrow(/no subject or description column; the header has "id", "created"/);
  });
});
