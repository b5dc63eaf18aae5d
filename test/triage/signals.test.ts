import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { readSentiment, sentimentTrend } from '../../connector/src/triage/signals/sentiment.js';
import { readShouting, timesSent } from '../../connector/src/triage/signals/tone.js';
import { formatMoney, readVip } from '../../connector/src/triage/signals/vip.js';
import { checkSilence, ordinal, readStuck, silenceDeadline } from '../../connector/src/triage/signals/stuck.js';
import { detectLanguage } from '../../connector/src/triage/signals/language.js';
import { tokenize } from '../../connector/src/triage/text/tokens.js';
import { shippedIntentModel } from '../../connector/src/triage/model/intent-model.js';
import { customer } from './helpers.js';

const policy = loadPolicy();

describe('sentiment', () => {
  it('reads a calm problem description as neutral, not negative', () => {
    const r = readSentiment('I forgot my password and get an error when I try to reset it. Please help.');
    expect(r.label).toBe('neutral');
    expect(Math.abs(r.score)).toBeLessThan(0.25);
  });

  it('reads frustration cues that no single word carries', () => {
    const r = readSentiment('This is the third time I write. How many times do I have to ask? Still nothing.');
    expect(r.score).toBeLessThanOrEqual(policy.sentiment.negative_below);
    expect(r.negativeCues).toEqual(expect.arrayContaining(['how many times']));
  });

  it('flips negated positive words', () => {
    expect(readSentiment('I am not happy with this').score).toBeLessThan(0);
  });

  it('reads what happened to the thing, and politeness, as neutral; anger stays negative', () => {
    for (const text of [
      'tying up loose ends before I close the account',
      'sorry to bother you, the payment was rejected',
      'unfortunately the parcel was damaged in transit',
      "I'm afraid I forgot my password again",
      "I'm worried my order is late",
      'the link in the e-mail is dead',
      'a warning message appears when I log in',
    ]) {
      expect(readSentiment(text).score, text).toBeGreaterThan(policy.sentiment.negative_below);
      expect(readSentiment(text).label, text).toBe('neutral');
    }
    for (const text of ['terrible experience', 'this is ridiculous and I am furious', 'this is a joke, worst service ever']) {
      expect(readSentiment(text).score, text).toBeLessThanOrEqual(policy.sentiment.negative_below);
    }
    expect(readSentiment('Thanks, that was great, it works!').label).toBe('positive');
  });

  it('measures the trend against the average of earlier customer messages', () => {
    expect(sentimentTrend(-0.6, [0.4, 0.2])).toEqual({ trend: -0.9, earlierAverage: 0.3, earlierCount: 2 });
    expect(sentimentTrend(0.1, [])).toEqual({ trend: 0, earlierAverage: null, earlierCount: 0 });
  });
});

describe('shouting and repetition', () => {
  it('counts mostly capitals over the minimum length as shouting', () => {
    expect(readShouting('WHERE IS MY REFUND I PAID TWO WEEKS AGO', 12, 0.7).shouting).toBe(true);
    expect(readShouting('HELP ME', 12, 0.7).shouting).toBe(false); // too short to tell
    expect(readShouting('Error code ABC-123 on the API page', 12, 0.7).shouting).toBe(false);
  });

  it('counts the same message sent again, ignoring case and punctuation', () => {
    expect(timesSent('Where is my order?', ['where is my order', 'Hello?', 'WHERE IS MY ORDER!!'])).toBe(3);
    expect(timesSent('Where is my order?', ['Where is my refund?'])).toBe(1);
  });
});

describe('VIP rules', () => {
  it('names the account and every reason it is VIP', () => {
    const r = readVip(
      policy,
      customer({ organization: { id: 'o1', name: 'Acme Corp', tags: ['enterprise'], fields: { arr: 120000, plan: 'Enterprise', open_opportunity: true } } }),
    );
    expect(r).toEqual({ vip: true, account: 'Acme Corp', because: ['tag enterprise', 'plan Enterprise', 'ARR $120k', 'open sales opportunity'] });
  });

  it('reads ARR written as text and ignores accounts under the threshold', () => {
    expect(readVip(policy, customer({ organization: { id: 'o', name: 'Big', tags: [], fields: { arr: '$250,000' } } })).because).toEqual(['ARR $250k']);
    expect(readVip(policy, customer({ organization: { id: 'o', name: 'Small', tags: ['smb'], fields: { arr: 9000, plan: 'starter' } } })).vip).toBe(false);
  });

  it('formats money the way agents read it', () => {
    expect([formatMoney(950), formatMoney(120000), formatMoney(2_400_000)]).toEqual(['$950', '$120k', '$2.4M']);
  });
});

describe('stuck rules', () => {
  it('hands off when another AI answer would exceed the limit', () => {
    expect(readStuck(policy, { aiMessageCount: 4, state: 'ai' }).stuck).toBe(false);
    const r = readStuck(policy, { aiMessageCount: 5, state: 'ai' });
    expect(r.reason).toEqual({ code: 'stuck_ai_messages', text: '6th AI message without resolution (limit 5)' });
    expect([1, 2, 3, 11, 22, 103].map(ordinal)).toEqual(['1st', '2nd', '3rd', '11th', '22nd', '103rd']);
  });

  it('escalates customer silence only after the configured minutes, and not once they replied', () => {
    const aiAt = '2025-03-04T10:00:00Z';
    expect(silenceDeadline(policy, aiAt)?.toISOString()).toBe('2025-03-04T10:10:00.000Z');
    expect(checkSilence(policy, { state: 'ai', lastAiMessageAt: aiAt }, new Date('2025-03-04T10:09:59Z'))).toBeNull();
    const due = checkSilence(policy, { state: 'ai', lastAiMessageAt: aiAt }, new Date('2025-03-04T10:12:00Z'));
    expect(due?.reason).toEqual({ code: 'customer_silent', text: 'no reply from the customer 12 min after the AI message (limit 10 min)' });
    expect(due?.priority).toBe('high');
    expect(checkSilence(policy, { state: 'ai', lastAiMessageAt: aiAt, lastCustomerMessageAt: '2025-03-04T10:05:00Z' }, new Date('2025-03-04T10:30:00Z'))).toBeNull();
    expect(checkSilence(policy, { state: 'handed_off', lastAiMessageAt: aiAt }, new Date('2025-03-04T10:30:00Z'))).toBeNull();
  });
});

describe('language', () => {
  const model = shippedIntentModel();
  const detect = (text: string) => detectLanguage(text, tokenize(text), { minLetters: 20, isKnownWord: (w) => model.knowsWord(w) }).language;

  it('recognises terse English by its words, where detectors guess', () => {
    expect(detect('pw reset pls')).toBe('en');
    expect(detect('I forgot my password')).toBe('en');
  });

  it('names other languages when the text is long enough', () => {
    expect(detect('Bonjour, je voudrais annuler ma commande, elle est en retard')).toBe('fr');
    expect(detect('Ich habe mein Passwort vergessen und komme nicht mehr rein')).toBe('de');
  });

  it("does not count people's and places' names against English", () => {
    expect(detect('check invoices from Anna Freeman')).toBe('en');
    expect(detect('Ship it to Szczebrzeszyn Wojewodztwo please')).toBe('en');
    // Names are set aside, not the language: the other words still decide.
    expect(detect('Bonjour, je voudrais parler avec Anna Freeman de ma commande')).toBe('fr');
  });

  it('falls back on short unknown text rather than naming a guess', () => {
    const read = (locale?: string) => detectLanguage('xqzt vlorp', tokenize('xqzt vlorp'), { minLetters: 20, supported: ['en', 'fr'], locale });
    expect(read()).toMatchObject({ language: 'en', basis: 'fallback' });
    expect(read('fr-CA')).toMatchObject({ language: 'fr', basis: 'fallback' });
    expect(read('tr')).toMatchObject({ language: 'en', basis: 'fallback' });
  });
});
