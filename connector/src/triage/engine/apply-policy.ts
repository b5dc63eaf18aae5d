/**
 * The decision: policy rules over signals. Pure and synchronous, shared by every engine:
 * the engine only supplies the intent signal; triggers, VIP, stuck, language, injection
 * and rollout apply the same way after it.
 *
 * A message is automated only when no rule asks for a human. Every rule that fires adds a
 * reason (stable snake_case code for tags and metrics, words for the agent).
 */
import type { Policy } from '../policy/schema.js';
import type { Decision, Priority, Reason, TriageInput } from '../types.js';
import { describeTrigger } from '../signals/triggers.js';
import { readAnswerability } from '../signals/answerable.js';
import { readTimeRules } from '../signals/time-rules.js';
import { languageName } from '../signals/language.js';
import { labelFor } from '../signals/sentiment.js';
import type { MessageSignals } from './message-signals.js';
import { rolloutMode } from './rollout.js';
import { summarize } from './summary.js';
import { ticketTags } from '../../ticket-tags.js';

export interface IntentSignal {
  intent: string;
  /** Calibrated (local) or self-reported (LLM) probability of `intent`. */
  confidence: number;
  alternatives?: { intent: string; confidence: number }[];
  /** 'local', 'openai', 'openai→local'. */
  engine: string;
  /** Engine remarks that are not rules, e.g. a fallback. */
  notes?: Reason[];
  /** Sentiment score from the engine for this message, replacing the lexicon's when given. */
  sentimentScore?: number;
  replyDraft?: string;
  /** Engine-written summary of the message (LLM), used in the agent summary. */
  gist?: string;
  /** Set when the message lies outside what the engine learned for `intent`: why, in words. */
  outOfScope?: string;
}

const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
const maxPriority = (a: Priority, b: Priority): Priority => (PRIORITY_RANK[b] > PRIORITY_RANK[a] ? b : a);
/** Below this confidence the predicted intent's team is a guess not worth routing on. */
const ROUTE_MIN_CONFIDENCE = 0.5;

const fmt = (x: number) => x.toFixed(2);
/** Rounded down, so a confidence just under its threshold never reads "1.00 below 1.00". */
const fmtBelow = (x: number) => (Math.floor(x * 100) / 100).toFixed(2);

interface Draft {
  handoff: Reason[];
  info: Reason[];
  priority: Priority;
  /** Routing candidates in precedence order (first wins). */
  teams: { rank: number; team: string }[];
}

function raise(d: Draft, p: Priority): void {
  d.priority = maxPriority(d.priority, p);
}

/** Rules that ask for a human, each adding its reason, priority and team candidate. */
function collectHandoffs(policy: Policy, input: TriageInput, s: MessageSignals, sig: IntentSignal, sentimentScore: number, d: Draft): void {
  const intentRule = policy.intents[sig.intent] ?? policy.intents.other!;
  const threshold = intentRule.threshold ?? policy.defaults.threshold;
  if (s.clean === '' && s.focus === '') {
    d.handoff.push({ code: 'empty_message', text: 'no text left after removing quoted mail and signature' });
  }
  if (s.injection) {
    d.handoff.push({ code: 'prompt_injection', text: `message tries to instruct the AI ("${s.injection.matched}")` });
    raise(d, policy.injection.priority);
    d.teams.push({ rank: 0, team: policy.injection.team });
  }
  const lang = s.language.language;
  if (policy.language.action === 'handoff' && !policy.language.supported.includes(lang)) {
    const supported = policy.language.supported.join(', ');
    d.handoff.push({
      code: 'language_unsupported',
      text: lang === 'und' ? `language could not be determined; Baton reads ${supported}` : `message is in ${languageName(lang)} (${lang}); Baton reads ${supported}`,
    });
  }
  if (!intentRule.automatable) {
    d.handoff.push({ code: 'intent_not_automated', text: `${sig.intent} is handled by people` });
  } else {
    if (sig.confidence < threshold) {
      d.handoff.push({ code: 'low_confidence', text: `confidence ${fmtBelow(sig.confidence)} below ${fmt(threshold)}` });
    }
    // The three gates before any playbook answers: in scope, answerable, nothing at risk (below).
    if (sig.outOfScope) d.handoff.push({ code: 'out_of_scope', text: `unlike what Baton learned for ${sig.intent}: ${sig.outOfScope}` });
    const answer = readAnswerability(intentRule.answerable, s.tokens, policy.matching.typo_min_length);
    if (!answer.answerable) d.handoff.push({ code: 'not_answerable', text: `the ${sig.intent} reply cannot serve this: ${answer.why}` });
  }
  for (const hit of s.safetyNet) {
    d.handoff.push({ code: 'money_or_security_at_risk', text: `${hit.risk.replace(/_/g, ' ')} ("${hit.matched}"): always a person's` });
    raise(d, hit.priority);
    d.teams.push({ rank: 1, team: hit.team });
  }
  for (const hit of s.triggers) {
    d.handoff.push({ code: `trigger_${hit.name}`, text: describeTrigger(hit) });
    raise(d, hit.priority);
    if (hit.team) d.teams.push({ rank: hit.priority === 'urgent' ? 1 : 3, team: hit.team });
  }
  if (s.complaint && policy.complaint) {
    d.handoff.push({ code: 'complaint_detected', text: `complaint (${s.complaint.kind.replace(/_/g, ' ')}: "${s.complaint.matched}")` });
    raise(d, policy.complaint.priority);
  }
  const sp = policy.sentiment;
  if (sentimentScore <= sp.negative_below) {
    const cues = s.sentiment.negativeCues.slice(0, 3).map((c) => `'${c}'`).join(', ');
    d.handoff.push({ code: 'negative_sentiment', text: `negative sentiment (${fmt(sentimentScore)}${cues ? `: ${cues}` : ''})` });
    raise(d, sp.priority);
  }
  const trend = s.trend;
  if (trend.earlierAverage !== null && trend.earlierCount >= sp.trend_min_messages && sentimentScore < 0 && sentimentScore - trend.earlierAverage <= -sp.trend_drop) {
    d.handoff.push({
      code: 'sentiment_souring',
      text: `sentiment souring: ${fmt(trend.earlierAverage)} → ${fmt(sentimentScore)} over ${trend.earlierCount + 1} messages`,
    });
    raise(d, sp.priority);
  }
  if (s.shouting.shouting) {
    d.handoff.push({ code: 'shouting', text: `shouting (${Math.round(s.shouting.capitalsRatio * 100)}% capitals)` });
    raise(d, sp.priority);
  }
  if (s.timesSent >= sp.repeated_times) {
    d.handoff.push({ code: 'repeated_message', text: `same message sent ${s.timesSent} times` });
    raise(d, sp.priority);
  }
  for (const hit of readTimeRules(policy, input, sig.intent)) {
    d.handoff.push({ code: `time_${hit.rule.name}`, text: hit.text });
    raise(d, hit.rule.priority);
    if (hit.rule.team) d.teams.push({ rank: 3, team: hit.rule.team });
  }
  if (s.vip.vip) {
    d.handoff.push({ code: 'vip', text: `VIP: ${s.vip.account}, ${s.vip.because.join(', ')}` });
    raise(d, policy.vip.priority);
    d.teams.push({ rank: 2, team: policy.vip.team });
  }
  if (s.stuck.reason) {
    d.handoff.push(s.stuck.reason);
    raise(d, policy.stuck.priority);
  }
  if (sig.confidence >= ROUTE_MIN_CONFIDENCE) d.teams.push({ rank: 4, team: intentRule.team });
  d.teams.push({ rank: 5, team: policy.defaults.fallback_team });
}

/** Reason codes of a message that closes the loop: the admin metrics do not count it as a reopen. */
export const CLOSING_REASONS: ReadonlySet<string> = new Set(['resolution_confirmed', 'customer_thanks']);

/**
 * Handoff reasons a closing "thanks, that worked" sets aside: they judge the message as a
 * request (its intent, its confidence, its few words' language), which it is not. Triggers,
 * sentiment, VIP, stuck and injection still hand off.
 */
const SET_ASIDE_WHEN_CLOSING = new Set(['intent_not_automated', 'low_confidence', 'language_unsupported', 'out_of_scope', 'not_answerable']);
/** Time rules judge a request by the clock; a "thanks, it works" days later is not a request. */
const setAsideWhenClosing = (code: string) => SET_ASIDE_WHEN_CLOSING.has(code) || code.startsWith('time_');

/** The message closes the loop on Baton's own last answer, and nothing else asks for a human. */
function closingReply(input: TriageInput, s: MessageSignals, handoff: Reason[]): MessageSignals['resolution'] {
  if (!s.resolution || input.ticket.state === 'handed_off') return null;
  if (input.history[input.history.length - 1]?.role !== 'ai') return null;
  return handoff.every((r) => setAsideWhenClosing(r.code)) ? s.resolution : null;
}

/** Tag namers by prefix: built once, not on every decision (a tenant has one prefix). */
const tagNamers = new Map<string, ReturnType<typeof ticketTags>>();

function tagsFor(policy: Policy, intent: string, action: string, mode: string, reasons: Reason[]): string[] {
  let t = tagNamers.get(policy.tags.prefix);
  if (!t) tagNamers.set(policy.tags.prefix, (t = ticketTags(policy.tags.prefix)));
  const tags = [t.intent(intent), t.signal(action), ...reasons.map((r) => t.signal(r.code))];
  if (mode === 'shadow') tags.push(t.shadow);
  return [...new Set(tags)];
}

export function applyPolicy(policy: Policy, input: TriageInput, s: MessageSignals, sig: IntentSignal): Decision {
  const intent = policy.intents[sig.intent] ? sig.intent : 'other';
  const signal = { ...sig, intent };
  const intentRule = policy.intents[intent]!;
  const sentimentScore = sig.sentimentScore ?? s.sentiment.score;
  const d: Draft = { handoff: [], info: [...(sig.notes ?? [])], priority: maxPriority(policy.defaults.priority, intentRule.priority), teams: [] };
  if (sig.intent !== intent) d.info.push({ code: 'unknown_intent', text: `engine answered "${sig.intent}", not in the policy; read as other` });
  if (input.customer.enrichmentError) {
    d.info.push({ code: 'enrichment_unavailable', text: `customer context unavailable (${input.customer.enrichmentError}); VIP rules could not be checked` });
  }

  let action: Decision['action'];
  let reasons: Reason[];
  let resolution: Decision['resolution'];
  const ig = policy.ignore;
  if (ig.auto_replies && s.autoReply && !s.injection && ig.intents.includes(intent) && sig.confidence >= ig.min_confidence) {
    action = 'ignore';
    reasons = [{ code: 'auto_reply', text: `auto-reply ("${s.autoReply.matched}"), intent ${intent} at ${fmt(sig.confidence)}` }];
  } else {
    collectHandoffs(policy, input, s, signal, sentimentScore, d);
    const closing = closingReply(input, s, d.handoff);
    // A closing message is no request: the rules it set aside do not raise its priority either.
    if (closing) d.priority = maxPriority(policy.defaults.priority, intentRule.priority);
    if (closing?.kind === 'confirmed') {
      action = 'automate';
      resolution = 'confirmed';
      reasons = [{ code: 'resolution_confirmed', text: `customer confirms Baton's answer worked ("${closing.matched}")` }];
    } else if (closing) {
      // Automated without a reply: the customer's "thanks" reopened the ticket in the helpdesk,
      // and it goes back to where Baton's answer left it instead of into an agent's queue.
      action = 'automate';
      resolution = 'thanks';
      reasons = [{ code: 'customer_thanks', text: `customer only said thanks or ok ("${closing.matched}"): nothing to answer` }];
    } else if (d.handoff.length > 0) {
      action = 'handoff';
      reasons = d.handoff;
    } else {
      action = 'automate';
      const threshold = intentRule.threshold ?? policy.defaults.threshold;
      reasons = [{ code: 'automatable_confident', text: `${intent} at ${fmt(sig.confidence)} (threshold ${fmt(threshold)}), no rule asks for a human` }];
    }
  }

  const rollout = rolloutMode(policy, intent, input.customer, s.vip.vip);
  let mode: Decision['mode'] = 'live';
  if (rollout.mode === 'off') {
    reasons = [...reasons, { code: 'rollout_off', text: `Baton is off for ${rollout.because}; would have: ${action}` }];
    action = 'ignore';
  } else if (rollout.mode === 'shadow') {
    mode = 'shadow';
    reasons = [...reasons, { code: 'rollout_shadow', text: `shadow mode for ${rollout.because}: recorded as an internal note only` }];
  }
  reasons = [...reasons, ...d.info];

  const team = action === 'handoff' ? [...d.teams].sort((a, b) => a.rank - b.rank)[0]!.team : null;
  const sentiment = { score: sentimentScore, label: labelFor(sentimentScore), trend: s.trend.earlierAverage === null ? 0 : Math.round((sentimentScore - s.trend.earlierAverage) * 100) / 100 };
  return {
    action,
    intent,
    confidence: Math.round(sig.confidence * 1000) / 1000,
    sentiment,
    language: s.language.language,
    team,
    priority: action === 'ignore' ? policy.defaults.priority : d.priority,
    tags: tagsFor(policy, intent, action, mode, reasons),
    reasons,
    mode,
    engine: sig.engine,
    ...(resolution ? { resolution } : {}),
    summary: summarize(intent, sig.confidence, action, reasons, s, sig.gist),
    ...(sig.replyDraft ? { replyDraft: sig.replyDraft } : {}),
    ...(sig.alternatives ? { alternatives: sig.alternatives } : {}),
  };
}
