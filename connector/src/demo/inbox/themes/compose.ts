/**
 * Builds a Draft from a Scenario: one problem statement plus optional opener, supporting
 * facts and a closing ask, each picked from hand-written alternatives. The combinations are
 * what make 500 tickets read like 500 different people.
 */
import { fill, type Random } from '../rng.js';
import type { InboxFollowUp, Team } from '../types.js';
import { ANGRY_FOLLOW_UPS, CALM_FOLLOW_UPS } from './followups.js';
import type { Draft, Theme, ThemeContext, Tone } from './theme.js';

export interface FollowUpPool {
  calm?: readonly string[];
  angry?: readonly string[];
  /** Probability the customer writes again on the same ticket. */
  rate?: number;
  /** Of those, the share that turn angry. */
  angryShare?: number;
  /** Team an angry follow-up goes to, when not the intent's own. */
  angryTeam?: Team;
}

/** A problem statement, optionally with the subject line that belongs to it. */
export type Problem = string | { subject: string; text: string };

export interface Scenario {
  why: string;
  weight?: number;
  /** Subject lines that fit every problem of the scenario. */
  subjects: readonly string[];
  /** Lead-ins; one may open the message. */
  openers?: readonly string[];
  /** The problem; exactly one is used. One with its own subject usually brings it along. */
  problems: readonly Problem[];
  /** Supporting facts; zero to two are added. */
  details?: readonly string[];
  /** What the customer wants done; usually one closes the message. */
  asks?: readonly string[];
  /** What the same customer types into a chat widget. */
  chat: readonly string[];
  /** Replies to an earlier agent answer (quoted below the reply in e-mail). */
  thread?: { agent: readonly string[]; replies: readonly string[] };
  tone?: Tone;
  /** Never padded with background or a P.S. (thank-yous, spam). */
  brief?: boolean;
  /** Chance the whole message is written in capitals. */
  shout?: number;
  followUps?: FollowUpPool;
  /**
   * Money or security at risk: when the customer's words (subject or body) match, the ticket
   * is a person's whatever its intent. Issue 11's safety net makes lost or stolen phones and
   * unrecognised charges always must-escalate, so the label follows what this draft says.
   */
  atRisk?: { when: RegExp; because: string; team: Team };
}

const ESCALATE_ANGRY = 'the customer followed up angrily after the first answer';

/** Templates may start with a placeholder ("{app} crashes"); a written sentence starts with a capital. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function paragraphs(rng: Random, pieces: string[], email: boolean): string {
  if (!email) return pieces.join(' ');
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out.length - 1;
    if (last >= 0 && rng.chance(0.45)) out[last] = `${out[last]} ${piece}`;
    else out.push(piece);
  }
  return out.join('\n\n');
}

function chatSubject(ctx: ThemeContext): string {
  return ctx.rng.pick([
    `Chat with ${ctx.person.name}`,
    `Chat with ${ctx.person.name}`,
    `Conversation with ${ctx.person.first}`,
    `Messaging conversation with ${ctx.person.name}`,
  ]);
}

function followUps(ctx: ThemeContext, pool: FollowUpPool): { list: InboxFollowUp[]; angry: boolean } {
  const { rng, vars } = ctx;
  if (!rng.chance(pool.rate ?? 0.12)) return { list: [], angry: false };
  const calm = [...(pool.calm ?? []), ...CALM_FOLLOW_UPS];
  const angryLines = [...(pool.angry ?? []), ...ANGRY_FOLLOW_UPS];
  const first = rng.int(6, 90);
  // Patience running out often shows as capitals.
  const angryLine = (): string => {
    const line = fill(rng.pick(angryLines), vars);
    return rng.chance(0.2) ? line.toUpperCase() : line;
  };
  if (rng.chance(pool.angryShare ?? 0.4)) {
    // Often the customer is patient once and loses patience the second time.
    if (rng.chance(0.35)) {
      return {
        list: [
          { afterMinutes: first, body: fill(rng.pick(calm), vars) },
          { afterMinutes: first + rng.int(20, 120), body: angryLine() },
        ],
        angry: true,
      };
    }
    return { list: [{ afterMinutes: first, body: angryLine() }], angry: true };
  }
  return { list: [{ afterMinutes: first, body: fill(rng.pick(calm), vars) }], angry: false };
}

export function composeScenario(ctx: ThemeContext, s: Scenario, defaults: FollowUpPool = {}): Draft {
  const { rng, vars, channel } = ctx;
  const f = (t: string): string => fill(t, vars);
  const problem = rng.pick(s.problems);
  const ownSubject = typeof problem === 'string' ? undefined : problem.subject;
  let subject = f(ownSubject !== undefined && rng.chance(0.8) ? ownSubject : rng.pick(s.subjects));
  let body: string;
  let quote: string | undefined;

  if (channel === 'chat') {
    body = f(rng.pick(s.chat));
    subject = chatSubject(ctx);
  } else if (s.thread && channel === 'email' && rng.chance(0.35)) {
    body = f(rng.pick(s.thread.replies));
    if (s.details && rng.chance(0.4)) body = `${body} ${f(rng.pick(s.details))}`;
    quote = f(rng.pick(s.thread.agent));
    subject = `${rng.pick(['Re', 'RE', 'Re'])}: ${subject}`;
  } else {
    const email = channel === 'email';
    const pieces: string[] = [];
    if (s.openers && rng.chance(email ? 0.65 : 0.4)) pieces.push(f(rng.pick(s.openers)));
    pieces.push(f(typeof problem === 'string' ? problem : problem.text));
    if (s.details) pieces.push(...rng.sample(s.details, rng.int(0, email ? 2 : 1)).map(f));
    if (s.asks && rng.chance(0.75)) pieces.push(f(rng.pick(s.asks)));
    body = paragraphs(rng, pieces.map(sentence), email);
  }

  if (s.shout && rng.chance(s.shout)) {
    body = body.toUpperCase();
    if (channel !== 'chat') subject = subject.toUpperCase();
  }

  const message = { subject, body, tone: s.tone ?? 'calm', why: s.why, ...(quote !== undefined ? { quote } : {}), ...(s.brief ? { brief: true } : {}) };
  const draft = finishDraft(ctx, message, {
    ...defaults,
    ...s.followUps,
    calm: [...(s.followUps?.calm ?? []), ...(defaults.calm ?? [])],
    angry: [...(s.followUps?.angry ?? []), ...(defaults.angry ?? [])],
  });
  // Read after the follow-ups are drawn, so labelling never changes what the generator writes.
  if (!s.atRisk?.when.test(`${subject}\n${body}`)) return draft;
  const because = draft.escalateBecause ? `${s.atRisk.because}; ${draft.escalateBecause}` : s.atRisk.because;
  return { ...draft, escalateBecause: because, team: s.atRisk.team };
}

/** Adds follow-ups (and the escalation they cause) to a message written by any theme. */
export function finishDraft(
  ctx: ThemeContext,
  message: Pick<Draft, 'subject' | 'body' | 'tone' | 'why' | 'quote' | 'brief'>,
  pool: FollowUpPool,
): Draft {
  const fu = followUps(ctx, pool);
  const team = pool.angryTeam;
  return {
    ...message,
    followUps: fu.list,
    ...(fu.angry ? { escalateBecause: ESCALATE_ANGRY, ...(team ? { team } : {}) } : {}),
  };
}

/** A theme that picks one of its scenarios by weight. */
export function scenarioTheme(scenarios: readonly Scenario[], defaults: FollowUpPool = {}): Theme {
  const weighted = scenarios.map((s) => [s, s.weight ?? 1] as const);
  return (ctx) => composeScenario(ctx, ctx.rng.weighted(weighted), defaults);
}
