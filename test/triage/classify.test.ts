import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { classifyLines } from '../../connector/src/triage/classify/classify-stream.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import type { Triage } from '../../connector/src/triage/types.js';

const run = promisify(execFile);
const triage = createLocalTriage(loadPolicy());

async function classify(lines: string[], engine: Triage = triage, concurrency = 1) {
  const out: string[] = [];
  const summary = await classifyLines(lines, engine, (l) => void out.push(l), { concurrency });
  return { summary, rows: out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const GOOD = JSON.stringify({ id: 'a1', subject: 'Password', text: 'I forgot my password, the reset mail never came' });
const WITH_COMMENTS = JSON.stringify({
  id: 7,
  comments: [
    { author: 'customer', body: 'How do I export my invoices?', time: '2025-03-01T10:00:00Z' },
    { author: 'ai', body: 'Go to Billing > Invoices > Export.', time: '2025-03-01T10:01:00Z' },
    { author: { role: 'end-user' }, body: "That didn't work. Still nothing. This is ridiculous.", time: '2025-03-01T10:20:00Z' },
  ],
  requester: { email: 'x@acme.com', organization: { name: 'Acme Corp', tags: ['enterprise'] } },
});

describe('classifyLines', () => {
  it('writes one decision line per ticket with the documented fields', async () => {
    const { summary, rows } = await classify([GOOD, WITH_COMMENTS]);
    expect(summary).toEqual({ ok: 2, failed: 0 });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'intent', 'confidence', 'sentiment', 'language', 'action', 'team', 'priority', 'tags', 'reasons', 'mode', 'engine']);
    expect(rows[0]).toMatchObject({ id: 'a1', intent: 'password_reset', action: 'automate' });
    // The last customer comment is the message; the organization tag makes it VIP.
    expect(rows[1]).toMatchObject({ id: '7', action: 'handoff', team: 'senior_support' });
    expect((rows[1]!.reasons as { code: string }[]).map((r) => r.code)).toEqual(expect.arrayContaining(['vip', 'trigger_not_working', 'negative_sentiment']));
  });

  it('decides a thread as of its last customer comment: time rules measure the wait up to then, not up to today', async () => {
    const thread = (last: string, at: string) =>
      JSON.stringify({
        id: at,
        comments: [
          { author: 'customer', body: 'Where is my order 5512?', time: '2025-03-01T10:00:00Z' },
          { author: 'ai', body: 'You can follow it under Account > Orders.', time: '2025-03-01T10:00:05Z' },
          { author: 'customer', body: last, time: at },
        ],
      });
    const { rows } = await classify([
      thread('And how do I export my contacts to CSV?', '2025-03-01T12:00:00Z'),
      thread('And how do I export my contacts to CSV?', '2025-03-04T12:00:00Z'),
      thread('thanks, that worked!', '2025-03-09T12:00:00Z'),
    ]);
    const codes = (r: Record<string, unknown>) => (r.reasons as { code: string }[]).map((x) => x.code);
    expect(codes(rows[0]!)).not.toContain('time_long_wait');
    expect(codes(rows[1]!)).toContain('time_long_wait');
    expect(rows[1]).toMatchObject({ action: 'handoff', priority: 'high' });
    // Days later, "thanks, that worked" still closes the loop, at the intent's own priority.
    expect(rows[2]).toMatchObject({ action: 'automate', priority: 'normal', tags: expect.arrayContaining(['baton_resolution_confirmed']) });
    expect(codes(rows[2]!)).toEqual(['resolution_confirmed']);
  });

  it('reads time rules on a single text at its created_at', async () => {
    const weekdays = { timezone: 'Europe/London', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], open: '09:00', close: '17:00' };
    const policy = { ...loadPolicy(), time_rules: [{ name: 'out_of_hours', outside: weekdays, priority: 'normal' as const }] };
    const line = (at: string) => JSON.stringify({ id: at, text: 'How do I export my contacts to CSV?', created_at: at });
    const out: string[] = [];
    await classifyLines([line('2025-03-08T14:05:00Z'), line('2025-03-10T10:00:00Z')], createLocalTriage(policy), (l) => void out.push(l));
    const [saturday, monday] = out.map((l) => JSON.parse(l) as { reasons: { code: string }[] });
    expect(saturday!.reasons.map((r) => r.code)).toContain('time_out_of_hours');
    expect(monday!.reasons.map((r) => r.code)).not.toContain('time_out_of_hours');
  });

  it('turns bad lines into error lines naming the line and the problem, and goes on', async () => {
    const { summary, rows } = await classify([GOOD, '{not json', '', JSON.stringify({ id: 'b2', subject: 'no body' }), JSON.stringify({ id: 'c3', comments: [{ role: 'robot', body: 'hi' }] }), GOOD]);
    expect(summary).toEqual({ ok: 2, failed: 3 });
    expect(rows.map((r) => r.id ?? null)).toEqual(['a1', null, 'b2', 'c3', 'a1']);
    expect(rows[1]).toMatchObject({ line: 2 });
    expect(rows[1]!.error).toMatch(/^line 2: not valid JSON/);
    expect(rows[2]!.error).toBe('line 4: expected "text" or a non-empty "comments" list');
    expect(rows[3]!.error).toBe('line 5: comments.0.role: unknown author role "robot" (expected customer, agent or ai)');
  });

  it('keeps input order with several decisions in flight', async () => {
    const slow: Triage = {
      name: 'slow',
      decide: async (input) => {
        await new Promise((r) => setTimeout(r, input.ticketId === 'first' ? 30 : 1));
        return triage.decide(input);
      },
    };
    const lines = ['first', 'second', 'third'].map((id) => JSON.stringify({ id, text: 'where is my order' }));
    const { rows } = await classify(lines, slow, 3);
    expect(rows.map((r) => r.id)).toEqual(['first', 'second', 'third']);
  });
});

describe('baton classify (child process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-classify-'));
  const cli = join(import.meta.dirname, 'triage-cli.ts');

  it('prints decisions and error lines, and exits 1 when a line failed', async () => {
    const file = join(dir, 'tickets.jsonl');
    writeFileSync(file, `${GOOD}\n{"id": "x", "text": 12}\n${WITH_COMMENTS}\n`);
    const err = await run(process.execPath, ['--import', 'tsx', cli, 'classify', file], { cwd: join(import.meta.dirname, '../..') }).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    const rows = err!.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ id: 'a1', intent: 'password_reset' });
    expect(rows[1]).toMatchObject({ line: 2, id: 'x', error: 'line 2: text: Invalid input: expected string, received number' });
    expect(rows[2]).toMatchObject({ id: '7', action: 'handoff' });
    expect(err!.stderr).toContain('classified 3 tickets: 2 ok, 1 failed');
  });

  it('exits 0 when every line is fine', async () => {
    const file = join(dir, 'ok.jsonl');
    writeFileSync(file, `${GOOD}\n`);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', cli, 'classify', file, '--engine', 'local'], { cwd: join(import.meta.dirname, '../..') });
    expect(JSON.parse(stdout.trim())).toMatchObject({ id: 'a1', engine: 'local' });
  });
});
