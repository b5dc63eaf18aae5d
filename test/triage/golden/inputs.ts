/**
 * The fixed set of triage inputs whose decisions test/triage/golden/decisions.jsonl records.
 * About one corpus example in four (all languages), each dressed in one of several ticket shapes so the
 * rules past the intent run too: subjects, earlier turns (trend, repeats, closing thanks), a
 * VIP organisation, a requester locale, a long e-mail with quotes and a signature, shouting.
 * A pure function of the corpus: same corpus, same inputs, on every machine.
 */
import { createHash } from 'node:crypto';
import { readCorpus } from '../../../connector/src/triage/model/corpus.js';
import type { TriageInput } from '../../../connector/src/triage/types.js';
import { customer, ticketInput, turn } from '../helpers.js';

/**
 * One example in SAMPLE, chosen (with its shape) by a hash of its text, not its position: a new
 * corpus example adds a line to the golden file instead of shifting every line after it.
 */
const SAMPLE = 4;
const textHash = (text: string) => createHash('sha256').update(text).digest().readUInt32BE(0);
const LONG_TAIL =
  '\n\nWe have been using the product across three offices for a couple of years now and the team relies on it every day ' +
  'for scheduling, invoices and the weekly reports that go to our directors, so any delay here holds up real work.\n\n' +
  'Best regards,\nMorgan Ellery\nOperations lead\n\n> On Tue, support wrote:\n> Thanks for reaching out, we will get back to you.';

/** One ticket shape per remainder: the message stays the corpus text (or contains it). */
const SHAPES: ((text: string, i: number) => TriageInput)[] = [
  (text) => ticketInput(text),
  (text) => ticketInput(text, { subject: 'Re: [#4411] Question about my account' }),
  (text) =>
    ticketInput(text, {
      history: [turn('customer', 'Hello, I wrote last week about this.'), turn('agent', 'Thanks, looking into it.')],
      ticket: { aiMessageCount: 1, state: 'ai' },
    }),
  (text) => ticketInput(`${text}${LONG_TAIL}`, { subject: 'Fwd: help needed' }),
  (text) =>
    ticketInput(text, {
      customer: customer({ locale: 'pt-BR', organization: { id: 'o1', name: 'Harbour Freight Co', tags: ['enterprise'], fields: { plan: 'enterprise', arr: 250000 } } }),
    }),
  (text) => ticketInput(text.toUpperCase(), { channel: 'chat', customer: customer({ locale: 'fr' }) }),
  (text) =>
    ticketInput(text, {
      history: [turn('customer', text), turn('ai', 'Here is how to do that: open Settings, then Security.'), turn('customer', 'This is useless, I am so annoyed.')],
      ticket: { aiMessageCount: 2, state: 'ai', lastAiMessageAt: '2025-03-04T09:30:00Z' },
    }),
  (text, i) => ticketInput(text, { now: new Date(Date.UTC(2025, 2, 1 + (i % 7), (i * 5) % 24, 30)), language: i % 2 ? undefined : 'en' }),
  (text) =>
    ticketInput('Thanks, that fixed it!', {
      history: [turn('customer', text), turn('ai', 'Here is what to do next: follow the link we sent.')],
      ticket: { aiMessageCount: 1, state: 'ai' },
    }),
];

export function goldenInputs(): { key: string; input: TriageInput }[] {
  const out: { key: string; input: TriageInput }[] = [];
  for (const e of readCorpus().examples) {
    const h = textHash(e.text);
    if (h % SAMPLE !== 0) continue;
    const n = Math.floor(h / SAMPLE);
    const shape = n % SHAPES.length;
    const id = h.toString(16).padStart(8, '0');
    out.push({ key: `${e.language ?? 'en'}/${e.intent}/${id}/s${shape}`, input: { ...SHAPES[shape]!(e.text, n), ticketId: `g${id}` } });
  }
  return out;
}
