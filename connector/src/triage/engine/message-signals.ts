/**
 * Everything triage reads from a message apart from its intent: cleaned text, sentiment
 * and its trend, tone, triggers, prompt injection, auto-reply wording, VIP, stuck, language,
 * and whether the message closes the loop ("thanks, that fixed it").
 * Both engines share it, so the policy rules behave the same whatever produced the intent.
 */
import type { Policy } from '../policy/schema.js';
import type { TriageInput } from '../types.js';
import { cleanMessage } from '../text/clean-message.js';
import { tokenize, type Token } from '../text/tokens.js';
import { findAutoReply } from '../signals/auto-reply.js';
import { findInjection } from '../signals/injection.js';
import { detectLanguage, type LanguageReading } from '../signals/language.js';
import type { PhraseHit } from '../signals/phrase-list.js';
import { readSentiment, sentimentTrend, type SentimentReading, type SentimentTrend } from '../signals/sentiment.js';
import { readResolution, type ResolutionReading } from '../signals/resolution.js';
import { readStuck, type StuckReading } from '../signals/stuck.js';
import { readShouting, timesSent, type ShoutingReading } from '../signals/tone.js';
import { findTriggers, type TriggerHit } from '../signals/triggers.js';
import { findSafetyNet, type SafetyNetHit } from '../signals/safety-net.js';
import { findComplaint, type ComplaintHit } from '../signals/complaint.js';
import { readVip, type VipReading } from '../signals/vip.js';

export interface MessageSignals {
  /** The customer's words this time (quotes, signature, disclaimer removed). */
  clean: string;
  /** What the intent engine should read: the subject joins the first message of a ticket. */
  focus: string;
  tokens: Token[];
  /** Tokens of `clean` alone: the same array as `tokens` unless a subject joined the focus. */
  cleanTokens: Token[];
  sentiment: SentimentReading;
  trend: SentimentTrend;
  shouting: ShoutingReading;
  timesSent: number;
  triggers: TriggerHit[];
  /** Money or security at risk (policy safety_net), in any supported language. */
  safetyNet: SafetyNetHit[];
  /** A complaint the sentiment lexicon may miss (sarcasm, failure as fact, question, churn threat). */
  complaint: ComplaintHit | null;
  injection: PhraseHit | null;
  autoReply: PhraseHit | null;
  vip: VipReading;
  stuck: StuckReading;
  language: LanguageReading;
  /** The message reads as thanks or as confirming the answer worked (conversation not checked). */
  resolution: ResolutionReading | null;
}

const SUBJECT_PREFIXES = /^\s*((re|fw|fwd|aw|wg|sv|tr)\s*:\s*|\[[^\]]*\]\s*)+/i;

/** "Re: Fwd: [#123] Cancel my plan" -> "Cancel my plan". */
function plainSubject(subject: string): string {
  return subject === '' ? '' : subject.replace(SUBJECT_PREFIXES, '').trim();
}

export function readMessageSignals(policy: Policy, input: TriageInput, knowsWord?: (word: string) => boolean): MessageSignals {
  const clean = cleanMessage(input.message);
  const earlierCustomer = input.history.filter((t) => t.role === 'customer').map((t) => cleanMessage(t.body));
  // The subject says what a new ticket is about; on follow-ups it only repeats the first topic.
  const subject = earlierCustomer.length === 0 ? plainSubject(input.subject) : '';
  const focus = subject && !clean.toLowerCase().startsWith(subject.toLowerCase()) ? `${subject}\n${clean}` : clean;
  const tokens = tokenize(focus);
  const cleanTokens = clean === focus ? tokens : tokenize(clean);
  const sentiment = readSentiment(focus, tokens);
  const s = policy.sentiment;
  return {
    clean,
    focus,
    tokens,
    cleanTokens,
    sentiment,
    trend: sentimentTrend(sentiment.score, earlierCustomer.filter((t) => t !== '').map((t) => readSentiment(t).score)),
    shouting: readShouting(clean, s.shouting.min_letters, s.shouting.capitals_ratio),
    timesSent: timesSent(clean, earlierCustomer),
    triggers: findTriggers(policy, tokens),
    safetyNet: findSafetyNet(policy, tokens),
    complaint: findComplaint(policy, tokens),
    injection: findInjection(policy, tokens),
    autoReply: findAutoReply(policy, tokens, input.subject),
    vip: readVip(policy, input.customer),
    stuck: readStuck(policy, input.ticket),
    language: detectLanguage(clean || focus, clean ? cleanTokens : tokens, {
      minLetters: policy.language.min_letters,
      isKnownWord: knowsWord,
      given: input.language,
      supported: policy.language.supported,
      locale: input.customer.locale,
    }),
    resolution: readResolution(policy.resolution, clean, tokens),
  };
}
