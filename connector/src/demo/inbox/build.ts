/**
 * Assembles the night: the scripted story tickets, a few other-language ones, and the rest
 * generated intent by intent from the themes. Every ticket draws from its own seeded stream,
 * so the same seed always yields the same inbox, byte for byte.
 */
import { drawVars } from './details.js';
import { expectationFor } from './labels.js';
import { FOREIGN_PER_REFERENCE, PROFILES, REFERENCE_SIZE, scaledTargets, type IntentProfile } from './mix.js';
import { ALL_ORGANIZATIONS, LARGE_ACCOUNT_KEYS, findOrganization, isVipOrganization, publicOrganization, type OrgRecord } from './organizations.js';
import { makePerson } from './people.js';
import { Random, fill, mixSeed } from './rng.js';
import { clampMinute, clockHour, drawArrivalMinute } from './schedule.js';
import { STORY_TICKETS, type StoryTicket } from './story.js';
import { dress } from './style/dress.js';
import { FOREIGN_TICKETS, type ForeignTicket } from './themes/languages.js';
import type { InboxRequester, InboxTicket, Intent, OvernightInbox } from './types.js';

export const DEFAULT_SEED = 20240611;
export const DEFAULT_SIZE = REFERENCE_SIZE;
/** Below this the scripted tickets would crowd out the routine half. */
export const MIN_SIZE = 20;

type Unkeyed = Omit<InboxTicket, 'key'>;

/** Shared state of one build: addresses and bodies already used tonight. */
interface Night {
  seed: number;
  emails: Set<string>;
  bodies: Set<string>;
}

const SMALL_EN_ORGS: readonly OrgRecord[] = ALL_ORGANIZATIONS.filter((o) => !isVipOrganization(o) && o.market === 'en');
const LARGE_ORGS: readonly OrgRecord[] = ALL_ORGANIZATIONS.filter((o) => LARGE_ACCOUNT_KEYS.includes(o.key));

function requester(person: { name: string; email: string; locale: string }, org: OrgRecord | undefined): InboxRequester {
  return { name: person.name, email: person.email, locale: person.locale, ...(org ? { organizationKey: org.key } : {}) };
}

function fromStory(night: Night, story: StoryTicket, index: number): Unkeyed {
  const rng = new Random(mixSeed(night.seed, 3_000_017 + index));
  night.emails.add(story.person.email);
  night.bodies.add(story.body);
  const org = findOrganization(story.orgKey);
  return {
    subject: story.subject,
    body: story.body,
    channel: story.channel,
    requester: requester({ ...story.person, name: `${story.person.first} ${story.person.last}` }, org),
    language: 'en',
    arrivesAtMinute: clampMinute(story.minute + rng.int(-10, 10)),
    expected: { ...story.expected },
    followUps: story.followUps.map((f) => ({ ...f })),
  };
}

function fromForeign(night: Night, spec: ForeignTicket, index: number): Unkeyed {
  const rng = new Random(mixSeed(night.seed, 2_000_003 + index));
  const org = findOrganization(spec.orgKey);
  const person = makePerson(rng, spec.market, org?.domain, night.emails);
  const vars = drawVars(rng, person, org);
  const variant = rng.pick(spec.variants);
  const body = fill(variant.body, vars);
  night.bodies.add(body);
  return {
    subject: fill(variant.subject, vars),
    body,
    channel: spec.channel,
    requester: requester(person, org),
    language: spec.market,
    arrivesAtMinute: drawArrivalMinute(rng),
    expected: expectationFor(spec.intent, org, { why: spec.why }),
    followUps: variant.followUp ? [{ afterMinutes: rng.int(20, 70), body: variant.followUp }] : [],
  };
}

function pickOrganization(rng: Random, profile: IntentProfile): OrgRecord | undefined {
  if (!rng.chance(profile.orgShare)) return undefined;
  return rng.chance(profile.vipShare) ? rng.pick(LARGE_ORGS) : rng.pick(SMALL_EN_ORGS);
}

const ATTEMPTS = 30;

function generated(night: Night, intent: Intent, index: number): Unkeyed {
  const profile = PROFILES[intent];
  const ticketSeed = mixSeed(night.seed, 1_000_003 + index);
  const rng = new Random(ticketSeed);
  const minute = drawArrivalMinute(rng);
  const org = pickOrganization(rng, profile);
  const person = makePerson(rng, 'en', org?.domain, night.emails);
  let channel = rng.weighted(profile.channels);

  // Short chat lines can collide with an earlier ticket; redraw the words, and after half the
  // attempts switch to e-mail, whose greeting and signature make a repeat practically impossible.
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (attempt > ATTEMPTS / 2) channel = 'email';
    const text = new Random(mixSeed(ticketSeed, attempt));
    const ctx = { rng: text, channel, person, org, vars: drawVars(text, person, org), hour: clockHour(minute) };
    const draft = profile.theme(ctx);
    const finalChannel = draft.channel ?? channel;
    const { subject, body } = dress({ ...ctx, channel: finalChannel }, draft);
    if (night.bodies.has(body)) continue;
    night.bodies.add(body);
    return {
      subject,
      body,
      channel: finalChannel,
      requester: requester(person, org),
      language: 'en',
      arrivesAtMinute: minute,
      expected: expectationFor(intent, org, draft),
      followUps: draft.followUps,
    };
  }
  throw new Error(`overnight inbox: could not write a unique ${intent} ticket (#${index}) in ${ATTEMPTS} attempts`);
}

/** How many tickets of each intent to generate, after the scripted and foreign ones. */
function generatedCounts(total: number, fixed: readonly Unkeyed[]): Map<Intent, number> {
  const fixedBy = new Map<Intent, number>();
  for (const t of fixed) fixedBy.set(t.expected.intent, (fixedBy.get(t.expected.intent) ?? 0) + 1);
  const counts = new Map<Intent, number>();
  for (const [intent, target] of scaledTargets(total)) counts.set(intent, Math.max(0, target - (fixedBy.get(intent) ?? 0)));
  // A scripted ticket in an intent whose scaled share is smaller than it overshoots the total;
  // take the excess from the largest generated intents.
  let excess = fixed.length + [...counts.values()].reduce((a, b) => a + b, 0) - total;
  while (excess > 0) {
    const [largest] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (!largest) break;
    counts.set(largest[0], largest[1] - 1);
    excess--;
  }
  return counts;
}

export interface BuildOptions {
  /** Number of tickets; default 500. Smaller nights keep the scripted tickets and scale the rest. */
  count?: number;
}

export function buildOvernightInbox(seed: number = DEFAULT_SEED, options: BuildOptions = {}): OvernightInbox {
  const total = options.count ?? DEFAULT_SIZE;
  if (!Number.isInteger(total) || total < MIN_SIZE) throw new RangeError(`overnight inbox: count must be an integer >= ${MIN_SIZE}, got ${total}`);
  if (!Number.isFinite(seed)) throw new RangeError('overnight inbox: seed must be a finite number');
  const night: Night = { seed: Math.trunc(seed), emails: new Set(), bodies: new Set() };

  const fixed: Unkeyed[] = STORY_TICKETS.map((s, i) => fromStory(night, s, i));
  const foreignCount = Math.min(FOREIGN_TICKETS.length, Math.round((FOREIGN_PER_REFERENCE * total) / REFERENCE_SIZE));
  fixed.push(...FOREIGN_TICKETS.slice(0, foreignCount).map((spec, i) => fromForeign(night, spec, i)));

  const slots: Intent[] = [];
  for (const [intent, n] of generatedCounts(total, fixed)) for (let i = 0; i < n; i++) slots.push(intent);
  const order = new Random(mixSeed(night.seed, 0x5eed));
  const all = [...fixed, ...order.shuffle(slots).map((intent, i) => generated(night, intent, i))];

  // Keys follow arrival, so n-0001 is the first ticket of the night; ties keep build order.
  const tickets = all
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.arrivesAtMinute - b.t.arrivesAtMinute || a.i - b.i)
    .map(({ t }, i): InboxTicket => ({ key: `n-${String(i + 1).padStart(4, '0')}`, ...t }));

  return { organizations: ALL_ORGANIZATIONS.map(publicOrganization), tickets };
}
