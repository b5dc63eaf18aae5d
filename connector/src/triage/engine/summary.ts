/**
 * A short internal-note summary so the agent does not ask the customer to repeat
 * themselves: intent, why it came to them, and the customer's key sentence.
 * No reply text: playbooks own what is said to customers.
 */
import type { Reason } from '../types.js';
import type { MessageSignals } from './message-signals.js';

const MAX_SENTENCE = 220;
const SENTENCE_BREAK = /(?<=[.!?])\s+|\n+/;
const LETTER = /\p{L}/u;
const SPACES = /\s+/;

function sentences(text: string): string[] {
  return text
    .split(SENTENCE_BREAK)
    .map((s) => s.trim())
    .filter((s) => LETTER.test(s));
}

/** The first of the sentences with the most words (each counted once, not per comparison). */
function longest(all: string[]): string {
  let best = all[0]!;
  let most = best.split(SPACES).length;
  for (let i = 1; i < all.length; i++) {
    const words = all[i]!.split(SPACES).length;
    if (words > most) {
      best = all[i]!;
      most = words;
    }
  }
  return best;
}

/** The sentence with the first trigger, else the one with most words, for the note. */
export function keySentence(s: MessageSignals): string {
  const all = sentences(s.clean || s.focus);
  if (all.length === 0) return '';
  const firstHit = s.triggers[0]?.matched.toLowerCase().split(' ')[0];
  const withHit = firstHit ? all.find((x) => x.toLowerCase().includes(firstHit)) : undefined;
  const chosen = withHit ?? longest(all);
  return chosen.length > MAX_SENTENCE ? `${chosen.slice(0, MAX_SENTENCE - 1)}…` : chosen;
}

export function summarize(intent: string, confidence: number, action: string, reasons: Reason[], s: MessageSignals, gist?: string): string {
  const why = reasons.map((r) => r.text).join('; ');
  const quote = keySentence(s);
  const parts = [`Intent: ${intent} (${confidence.toFixed(2)}). ${action === 'handoff' ? 'Handed off' : action === 'automate' ? 'Automated' : 'Ignored'}: ${why}.`];
  if (gist) parts.push(`Summary: ${gist}`);
  if (quote) parts.push(`Customer: "${quote}"`);
  return parts.join('\n');
}
