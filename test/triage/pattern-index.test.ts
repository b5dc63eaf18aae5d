/**
 * A PatternIndex finds exactly the matches its patterns find one by one, whichever way it
 * files them (exact first word, accented word, "w*" prefix, typo-forgiving first word), and
 * reports the typo-forgiving ones in the order they were added.
 */
import { describe, expect, it } from 'vitest';
import { compilePattern, PatternIndex } from '../../connector/src/triage/text/patterns.js';
import { tokenize } from '../../connector/src/triage/text/tokens.js';

const SOURCES = [
  'frustrated',
  'résilier',
  'résiliation * contrat',
  'kündigen',
  'cancel|résilier my order',
  'refund',
  'reembols*',
  'r*',
  'this is not working',
  'débito|debit card',
  'furious',
  // Its stem starts with "é": the unaccented "echange" meets it only by its folded spelling.
  'échange',
  'disappointed',
];
const TEXTS = [
  'Je veux resilier mon abonnement, la résiliation du contrat svp',
  'I am so frustated and furous, this isnt working. Refund now',
  'Ich möchte kündigen und mein Geld zurück, kundigen bitte',
  'quiero un reembolso del débito card charge, debit card too',
  'Disapointed: cancel my order or résilier my order today',
  'rrr ra ré résilier résilie frustrated',
  'un echange svp, ou un échange',
];

const key = (m: { start: number; end: number; pattern: { source: string } }) => `${m.start}-${m.end}:${m.pattern.source}`;

describe('PatternIndex', () => {
  it('finds what each pattern finds alone', () => {
    const index = new PatternIndex<number>();
    SOURCES.forEach((src, i) => index.add(compilePattern(src, { fuzzyMinLength: 6 }), i));
    for (const text of TEXTS) {
      const tokens = tokenize(text);
      const alone = SOURCES.flatMap((src) => new PatternIndex<number>().add(compilePattern(src, { fuzzyMinLength: 6 }), 0).scan(tokens).map(key));
      expect(index.scan(tokens).map(key).sort(), text).toEqual(alone.sort());
    }
  });

  it('reports typo-forgiving first words at one token in the order they were added', () => {
    const index = new PatternIndex<number>();
    // Filed three ways (folded spelling, anywhere, first letter), tried in the order added.
    ['résiliation', 'resilie', 'échange', 'e*', 'echanges'].forEach((src, i) => index.add(compilePattern(src, { fuzzyMinLength: 6 }), i));
    expect(index.scan(tokenize('echange')).map((m) => m.payload)).toEqual([2, 3, 4]);
  });
});
