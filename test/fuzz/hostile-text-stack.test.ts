/**
 * Hostile text through the whole stack, on both backends: customers whose names, subjects
 * and messages carry lone surrogates, bidi overrides, zero-width and control characters,
 * NUL and long emoji sequences write in through the sandbox; the connector must triage and
 * write back every one of them exactly once, with no dead letter.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { HELPDESKS, startStack, type Stack } from '../helpers/stack.js';
import { BACKENDS } from '../helpers/stores.js';
import { writeBackProblems } from '../resilience/helpers/exactly-once.js';
import { EDGE_STRINGS, hostileText } from './generators.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** Deterministic: the edge strings, then a seeded sample of mixed hostile text. */
const TEXTS = [...EDGE_STRINGS.filter((s) => s.trim() !== ''), ...fc.sample(hostileText(8), { seed: 20261124, numRuns: 12 })];

describe.each(HELPDESKS)('%s', (helpdesk) => {
  describe.each(BACKENDS)('hostile text end to end on %s', (_name, open) => {
    it('writes every ticket back once, whatever its text', async () => {
      // Few attempts: a message that breaks triage becomes a dead letter quickly and is named below.
      stack = await startStack({ helpdesk, store: open, env: { BATON_JOB_MAX_ATTEMPTS: '3' } });
      const s = stack;
      const ids = TEXTS.map((text, i) =>
        s.sandbox.inbound({
          requester: { name: `${text} ${i}`, email: `hostile${i}@example.com` },
          subject: `${text} order`,
          body: i % 2 === 0 ? `Where is my order NW-${100_000 + i}? ${text}` : `${text} I forgot my password ${text}`,
          channel: (['email', 'web', 'chat'] as const)[i % 3]!,
        }).ticket.id,
      );
      await s.settle();
      expect(await writeBackProblems(s.sandbox, s.db.store, ids)).toEqual([]);
    }, 60_000);
  });
});
