/**
 * The customer phrases that signal each intent: word n-grams (1–4 words) ranked by their
 * weighted log-odds of appearing in that intent's tickets rather than in the other intents'
 * (Monroe, Colaresi & Quinn 2008, "Fightin' Words": log-odds with an informative Dirichlet
 * prior, divided by its standard error so rare n-grams do not win on noise).
 *
 * Counts are tickets containing the n-gram, not occurrences, so one long e-mail repeating a
 * word cannot make it characteristic. Each phrase keeps the customer's exact words from up to
 * two example tickets.
 */
import { cleanMessage } from '../../triage/index.js';

export interface PhraseExample {
  id: string;
  /** The customer's own words around the phrase. */
  snippet: string;
}

export interface IntentPhrase {
  phrase: string;
  /** Tickets of the intent containing it. */
  tickets: number;
  /** Tickets of other intents containing it. */
  elsewhere: number;
  /** Log-odds z-score: above ~2 is more than chance. */
  z: number;
  examples: PhraseExample[];
}

export interface PhraseInput {
  id: string;
  intent: string;
  subject: string;
  text: string;
}

const STOPWORDS = new Set(
  ('a an and are as at be been but by can could did do does for from had has have hello hi i if in into is it its just me my no not of on or our ' +
    'please so that the their them then there these they this to us was we were what when which will with would you your yours im ive dont cant ' +
    "i'm i've don't can't it's thanks thank dear team regards").split(' '),
);
const MAX_N = 4;
const PRIOR_STRENGTH = 500;
const MIN_TICKETS = 2;
const MIN_Z = 1.96;

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Words of the cleaned message; addresses, links and anything with digits are left out (ids, order numbers). */
function tokens(text: string): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  // Skipped: addresses, links, and anything holding a digit (NW-492172, 2FA, 29th).
  const re = /(\S+@\S+|https?:\/\/\S+|[\w-]*\d[\w-]*)|([A-Za-z][A-Za-z']*)|([.!?;:\n]+)|(\S)/g;
  for (const m of text.matchAll(re)) {
    if (m[2]) current.push({ word: m[2].toLowerCase().replace(/'+$/, ''), start: m.index, end: m.index + m[2].length });
    else {
      // Sentence ends, and skipped tokens break n-grams so no phrase spans an order number.
      if (current.length) sentences.push(current);
      current = [];
    }
  }
  if (current.length) sentences.push(current);
  return sentences;
}

interface Gram {
  key: string;
  start: number;
  end: number;
}

function grams(sentences: Token[][]): Gram[] {
  const out: Gram[] = [];
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      for (let n = 1; n <= MAX_N && i + n <= s.length; n++) {
        const words = s.slice(i, i + n).map((t) => t.word);
        // A phrase starting or ending in a function word is a fragment ("to reset my").
        if (STOPWORDS.has(words[0]!) || STOPWORDS.has(words[n - 1]!)) continue;
        out.push({ key: words.join(' '), start: s[i]!.start, end: s[i + n - 1]!.end });
      }
    }
  }
  return out;
}

const contains = (long: string, short: string) => ` ${long} `.includes(` ${short} `);

/** "know other shops" and "shops on your forum": pieces of one longer sentence, seen as one phrase. */
function overlaps(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  const tailMeetsHead = (p: string[], q: string[]) => {
    for (let k = 1; k <= Math.min(p.length, q.length); k++) if (p.slice(-k).join(' ') === q.slice(0, k).join(' ')) return true;
    return false;
  };
  return tailMeetsHead(x, y) || tailMeetsHead(y, x);
}

function snippet(text: string, g: Gram): string {
  const from = Math.max(0, g.start - 40);
  const to = Math.min(text.length, g.end + 40);
  const s = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${s}${to < text.length ? '…' : ''}`;
}

export function characteristicPhrases(docs: PhraseInput[], perIntent = 8): Map<string, IntentPhrase[]> {
  // ticket-level presence: intent -> gram -> count, and the first places each gram was seen
  const byIntent = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  /** `${intent}\0${gram}` -> the first two tickets of that intent containing it. */
  const examples = new Map<string, PhraseExample[]>();
  for (const d of docs) {
    const text = `${d.subject}\n${cleanMessage(d.text)}`;
    const present = new Map<string, Gram>();
    for (const g of grams(tokens(text))) if (!present.has(g.key)) present.set(g.key, g);
    const counts = byIntent.get(d.intent) ?? new Map<string, number>();
    byIntent.set(d.intent, counts);
    for (const [key, g] of present) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      total.set(key, (total.get(key) ?? 0) + 1);
      const ex = examples.get(`${d.intent}\0${key}`) ?? [];
      if (ex.length < 2) ex.push({ id: d.id, snippet: snippet(text, g) });
      examples.set(`${d.intent}\0${key}`, ex);
    }
  }
  const grandTotal = [...total.values()].reduce((a, b) => a + b, 0);
  const result = new Map<string, IntentPhrase[]>();
  for (const [intent, counts] of byIntent) {
    const nI = [...counts.values()].reduce((a, b) => a + b, 0);
    const nJ = grandTotal - nI;
    const scored: IntentPhrase[] = [];
    for (const [key, yI] of counts) {
      if (yI < MIN_TICKETS) continue;
      const yAll = total.get(key)!;
      const yJ = yAll - yI;
      const alpha = (PRIOR_STRENGTH * yAll) / grandTotal;
      const logit = (y: number, n: number) => Math.log((y + alpha) / (n + PRIOR_STRENGTH - y - alpha));
      const delta = logit(yI, nI) - logit(yJ, nJ);
      const z = delta / Math.sqrt(1 / (yI + alpha) + 1 / (yJ + alpha));
      if (z < MIN_Z) continue;
      scored.push({ phrase: key, tickets: yI, elsewhere: yJ, z: Math.round(z * 100) / 100, examples: [] });
    }
    scored.sort((a, b) => b.z - a.z || b.tickets - a.tickets);
    const chosen: IntentPhrase[] = [];
    for (const p of scored) {
      if (chosen.length >= perIntent) break;
      p.examples = examples.get(`${intent}\0${p.phrase}`) ?? [];
      // A phrase inside one already chosen ("password" in "reset my password") adds nothing;
      // a longer phrase found in about as many tickets as a chosen part of it replaces that part.
      if (chosen.some((c) => contains(c.phrase, p.phrase) || (c.tickets === p.tickets && overlaps(c.phrase, p.phrase)))) continue;
      for (let i = chosen.length - 1; i >= 0; i--) {
        if (contains(p.phrase, chosen[i]!.phrase) && p.tickets >= 0.8 * chosen[i]!.tickets) chosen.splice(i, 1);
      }
      chosen.push(p);
    }
    result.set(intent, chosen);
  }
  return result;
}
