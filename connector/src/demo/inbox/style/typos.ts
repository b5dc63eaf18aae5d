/**
 * Human typing: misspellings, swapped letters, a lowercase "i". Applied to the customer's own
 * words only (never quoted history or auto-replies) and never to tokens that carry numbers or
 * addresses, because an order number with a typo is a different order.
 */
import type { Random } from '../rng.js';

/** Misspellings people actually make, keyed by the correct word (lowercase). */
const COMMON: Readonly<Record<string, string>> = {
  receive: 'recieve',
  received: 'recieved',
  definitely: 'definately',
  separate: 'seperate',
  address: 'adress',
  tomorrow: 'tommorow',
  until: 'untill',
  account: 'acount',
  password: 'pasword',
  business: 'buisness',
  already: 'allready',
  which: 'wich',
  their: 'thier',
  because: 'becuase',
  immediately: 'immediatly',
  weird: 'wierd',
  necessary: 'neccessary',
  could: 'cuold',
  again: 'agian',
  please: 'pleae',
  just: 'jsut',
  working: 'workign',
  with: 'wiht',
  printer: 'priner',
  scanner: 'scaner',
  supposed: 'suposed',
  email: 'emial',
};

function keepCase(original: string, replacement: string): string {
  if (original[0] && original[0] === original[0].toUpperCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

function mangle(rng: Random, word: string): string {
  const known = COMMON[word.toLowerCase()];
  if (known !== undefined) return keepCase(word, known);
  const i = rng.int(1, word.length - 2);
  const a = word[i] ?? '';
  const b = word[i + 1] ?? '';
  switch (rng.pick(['swap', 'drop', 'double'] as const)) {
    case 'swap':
      return word.slice(0, i) + b + a + word.slice(i + 2);
    case 'drop':
      return word.slice(0, i) + word.slice(i + 1);
    case 'double':
      return word.slice(0, i) + a + word.slice(i);
  }
}

/** Introduces `count` typos into distinct plain words of at least four letters. */
export function addTypos(rng: Random, text: string, count: number): string {
  const candidates: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[A-Za-z]{4,}/g)) {
    const start = m.index;
    const end = start + m[0].length;
    // Skip words glued to digits, dashes or @: SKUs, order numbers, addresses, versions.
    const before = text[start - 1] ?? ' ';
    const after = text[end] ?? ' ';
    if (/[\d@\-_/.]/.test(before) || /[\d@\-_/]/.test(after)) continue;
    candidates.push({ start, end });
  }
  const chosen = rng.sample(candidates, count).sort((x, y) => y.start - x.start);
  let out = text;
  for (const { start, end } of chosen) out = out.slice(0, start) + mangle(rng, out.slice(start, end)) + out.slice(end);
  return out;
}

/** Chat register: lowercase start, no final full stop, "i" for "I". */
export function casual(rng: Random, text: string): string {
  let out = text;
  // Lowercase the first letter, but not of an acronym ("DHL", "CSV").
  if (rng.chance(0.5) && !/^[A-Z]{2}/.test(out)) out = out.charAt(0).toLowerCase() + out.slice(1);
  if (rng.chance(0.6)) out = out.replace(/\.$/, '');
  if (rng.chance(0.4)) out = out.replace(/\bI'm\b/g, 'im').replace(/\bI\b/g, 'i');
  return out;
}
