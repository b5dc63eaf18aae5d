/**
 * Generators of hostile input for the fuzz suites: text that breaks naive handling (lone
 * surrogates, bidi overrides, zero-width and control characters, NUL, long emoji clusters),
 * JSON nested far deeper than any parser stack, payloads that are valid except for one
 * field, and signing of raw bytes so every request passes the signature check and reaches
 * the code behind it.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';

/** Single characters and short strings that have broken real text pipelines. */
export const EDGE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83dy', '\u202e', '\u202dabc\u202c', '\u200f', '\u200b', '\u2060', '\ufeff',
  '\u0007\u0008\u001b[31m', '\r\n\t', '\u2028\u2029', '\u0085', '👩‍👩‍👧‍👦', '🏳️‍🌈', '🧑🏿‍🚀', 'Z̴͉̺̎a̸̻̓l̷g̶o', '𝕳𝖊𝖑𝖑𝖔', 'ﷺ', 'مرحبا بالعالم',
  '\\', '"', "'; drop table jobs; --", '${jndi:ldap://127.0.0.1/x}', '{{ticket.id}}', '<script>alert(1)</script>', '%s%n%x', '../../etc/passwd',
  '__proto__', 'constructor', 'toString', 'NaN', '-0', '1e309', 'true', 'null',
] as const;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const bidiOrZeroWidth = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff');

/** Text mixing ordinary words with hostile pieces. */
export const hostileText = (maxPieces = 12) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
        { weight: 2, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
        { weight: 1, arbitrary: loneSurrogate },
        { weight: 1, arbitrary: control },
        { weight: 1, arbitrary: bidiOrZeroWidth },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      ),
      { maxLength: maxPieces },
    )
    .map((parts) => parts.join(''));

/** `depth` nested arrays (or objects) as JSON text, built without recursion. */
export function deepJson(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A Baton trigger body as the sandbox renders it: every placeholder a string. */
export function triggerPayload(n: number): Record<string, any> {
  return {
    schema: 'baton.trigger.v1',
    event: 'ticket.comment_added',
    account: 'Fuzz Inc',
    ticket: { id: String(1000 + n), subject: 'Where is my order?', status: 'Open', priority: '', tags: 'web vip', group_id: '', assignee_id: '', via: 'Mail', url: 'fuzz.zendesk.com/agent/tickets/1', updated_at: '2026-11-24T10:00:00Z' },
    comment: { id: String(5000 + n), body: 'Where is my order NW-123456?', author_id: '77', public: 'true', created_at: '2026-11-24T10:00:00Z' },
    requester: { id: '77', name: 'Fuzz Customer', email: 'fuzz@example.com', locale: 'English', tags: '' },
    organization: { id: '', name: '', tags: '' },
    current_user: { id: '77', role: 'End-user' },
  };
}

/** A Zendesk event-subscription body (`zen:event-type:ticket.comment_added`). */
export function eventPayload(n: number): Record<string, any> {
  return {
    account_id: 1234,
    id: `01HZFUZZ${String(n).padStart(18, '0')}`,
    subject: `zen:ticket:${2000 + n}`,
    time: '2026-11-24T10:00:00Z',
    type: 'zen:event-type:ticket.comment_added',
    zendesk_event_version: '2022-11-06',
    detail: { id: String(2000 + n), subject: 'Help', status: 'OPEN', requester_id: '88', via: { channel: 'email' }, tags: [] },
    event: { comment: { id: String(9000 + n), body: 'Hello', author: { id: '88', is_staff: false, name: 'Someone' }, is_public: true } },
  };
}

/** Every path to a leaf or branch of a JSON object, e.g. ['ticket', 'id']. */
export function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const own = Object.keys(value as object).flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k]));
  return prefix.length ? [prefix, ...own] : own;
}

/** A copy of `obj` with the value at `path` replaced (undefined deletes the key). */
export function replaceAt(obj: Record<string, any>, path: string[], value: unknown): Record<string, any> {
  const copy = structuredClone(obj);
  let node: Record<string, any> = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Values of every JSON type and a few shapes that are none of them in spirit. */
export const anyJsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileText(),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, '', [], {}, [[[]]], { id: {} }, { toString: 'x' }, 'x'.repeat(70_000)),
  fc.integer({ min: 1, max: 5 }).map((k) => JSON.parse(deepJson(k * 20))),
);

export function signedHeaders(secret: string, body: Buffer | string, at = new Date()): Record<string, string> {
  const timestamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const signature = crypto.createHmac('sha256', secret).update(timestamp).update(body).digest('base64');
  return {
    'content-type': 'application/json',
    'x-zendesk-webhook-signature': signature,
    'x-zendesk-webhook-signature-timestamp': timestamp,
    'x-zendesk-webhook-invocation-id': crypto.randomUUID(),
    'x-zendesk-account-id': '1234',
  };
}
