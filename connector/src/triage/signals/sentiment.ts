/**
 * Sentiment of a customer message on -1..1, from the AFINN-165 lexicon (the `sentiment`
 * package, which already flips "not happy") plus frustration cues that a word list misses
 * ("how many times", "still not", "no one answers"), themselves negation-aware.
 *
 * Support mail describes problems in neutral words ("error", "problem", "locked", "forgot")
 * that AFINN counts as negative, and is full of polite words ("help", "please", "kind regards",
 * "I'd like") that it counts as positive; both are neutralised so that the score tracks the
 * customer's mood, not the topic.
 */
import { createRequire } from 'node:module';
import Sentiment from 'sentiment';
import type { SentimentLabel } from '../types.js';
import { compilePattern, PatternIndex } from '../text/patterns.js';
import { tokenize, type Token } from '../text/tokens.js';
import { isNegated } from './triggers.js';

const analyzer = new Sentiment();

/** Topic words and courtesy words scored 0 (see the file comment for why). */
const DOMAIN_NEUTRAL: Record<string, number> = Object.fromEntries(
  (
    'problem problems issue issues error errors fail fails failed failing failure wrong lost lose locked lock stuck ' +
    'forgot forget forgotten broken bug bugs crash crashed crashes crashing declined decline block blocked ' +
    'delay delayed missing cancel cancelled canceled charged charge charges debt pay demand demands risk ' +
    'help helpful please like hope kind regards dear best want wants thank care support cut limited limit ' +
    'no yes ok okay dispute disputed lawsuit fraud scam urgent emergency question questions ' +
    // What happened to the thing, not how the customer feels about us: "the parcel was
    // damaged", "my card was rejected", "the link is dead", "tying up loose ends".
    'loose stolen rejected reject denied deny damaged damage destroyed dead kill killed killing warning ' +
    'virus mistake mistakenly miss missed ' +
    // Politeness and mild worry that AFINN reads as negative: "sorry to bother you",
    // "I'm afraid I forgot", "I'm worried my order is late", "a bit confused".
    'sorry bother afraid worried worry confused'
  )
    .split(' ')
    .map((w) => [w, 0]),
);
// "thanks" stays mildly positive: a thank-you note should not look neutral next to a complaint.
DOMAIN_NEUTRAL.thanks = 1;

// Registered once as its own language: passing `extras` per call would copy AFINN's 3,300
// labels on every message (and mutate the package's shared English table).
const LANGUAGE = 'baton_en';
const english = createRequire(import.meta.url)('sentiment/languages/en/index.js') as Sentiment.LanguageModule;
analyzer.registerLanguage(LANGUAGE, { labels: { ...english.labels, ...DOMAIN_NEUTRAL }, scoringStrategy: english.scoringStrategy });

/** Frustration that no single word carries. Each hit adds CUE_WEIGHT to the raw score. */
const FRUSTRATION_CUES = [
  'still not|nothing|waiting|broken|no',
  'how many times',
  'second|third|fourth|fifth|2nd|3rd|4th|5th|multiple|several|many time|times', // "third time I write"
  'times now',
  'again and again',
  'no one answer|answers|respond|responds|replied|reply|replies|help|helps|cares',
  'nobody answer|answers|respond|responds|replied|reply|replies|help|helps|cares',
  'no response|reply|answer|update',
  'waiting for|since * days|weeks|months',
  'days|weeks later',
  'wtf',
  'joke',
  'fed up',
  'sick of',
  'had enough',
  'waste of time',
  'wasting my time',
  'last straw',
  'never again',
  'seriously',
  'ignored',
].reduce((index, src) => index.add(compilePattern(src), src), new PatternIndex<string>());
const CUE_WEIGHT = -2;
/** Runs like "!!!" or "?!" read as exasperation; counted at most twice. */
const EXCLAIM_RUN = /[!?]*![!?]+|\?!/g;
/** Raw lexicon points that map to about -0.76 / +0.76 (tanh(1)); keeps scores in -1..1. */
const SCALE = 4;

export interface SentimentReading {
  score: number;
  label: SentimentLabel;
  /** Words and phrases that pulled the score down, for reasons ("'ridiculous', 'how many times'"). */
  negativeCues: string[];
}

export function labelFor(score: number): SentimentLabel {
  if (score <= -0.25) return 'negative';
  if (score >= 0.25) return 'positive';
  return 'neutral';
}

function frustrationCues(tokens: Token[]): string[] {
  return FRUSTRATION_CUES.scan(tokens)
    .filter((m) => !isNegated(tokens, m.start, m.end))
    .map((m) => tokens.slice(m.start, m.end).map((t) => t.word).join(' '));
}

/** Score one message (already cleaned of quotes and signatures). */
export function readSentiment(text: string, tokens: Token[] = tokenize(text)): SentimentReading {
  if (text.trim() === '') return { score: 0, label: 'neutral', negativeCues: [] };
  const lexical = analyzer.analyze(text, { language: LANGUAGE });
  const cues = frustrationCues(tokens);
  const exclaims = Math.min(2, (text.match(EXCLAIM_RUN) ?? []).length);
  const raw = lexical.score + CUE_WEIGHT * cues.length - exclaims;
  const score = Math.round(Math.tanh(raw / SCALE) * 100) / 100;
  // The lexicon's own list of the words it scored below zero, in its calculation's order.
  return { score, label: labelFor(score), negativeCues: [...new Set([...lexical.negative, ...cues])] };
}

export interface SentimentTrend {
  /** This message's score minus the average of the customer's earlier messages (0 without any). */
  trend: number;
  earlierAverage: number | null;
  earlierCount: number;
}

export function sentimentTrend(current: number, earlierScores: number[]): SentimentTrend {
  if (earlierScores.length === 0) return { trend: 0, earlierAverage: null, earlierCount: 0 };
  const avg = earlierScores.reduce((a, b) => a + b, 0) / earlierScores.length;
  return {
    trend: Math.round((current - avg) * 100) / 100,
    earlierAverage: Math.round(avg * 100) / 100,
    earlierCount: earlierScores.length,
  };
}
