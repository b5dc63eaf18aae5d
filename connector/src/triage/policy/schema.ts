/**
 * The policy file's shape, as zod schemas. Every error message says what is expected in
 * words an admin editing YAML understands; the loader adds the key path and the value found.
 * Objects are strict so that a misspelt key ("treshold") is an error, not a silent default.
 */
import { z } from 'zod';
import { BusinessHoursSchema, HandoffSection } from './handoff-schema.js';

const between0and1 = 'expected a number between 0 and 1';
const probability = z
  .number({ error: between0and1 })
  .min(0, { error: between0and1 })
  .max(1, { error: between0and1 });

const positiveInt = (what: string) =>
  z.number({ error: `expected a whole number (${what})` }).int({ error: `expected a whole number (${what})` });

const KEY_RE = /^[a-z][a-z0-9_]*$/;
export const TeamKey = z.string({ error: 'expected a team key' }).regex(KEY_RE, { error: 'expected a snake_case team key like general_support' });
export const IntentKey = z.string({ error: 'expected an intent name' }).regex(KEY_RE, { error: 'expected a snake_case intent name like refund_request' });
export const PriorityValue = z.enum(['low', 'normal', 'high', 'urgent'], { error: 'expected one of low, normal, high, urgent' });
export const ModeValue = z.enum(['off', 'shadow', 'live'], { error: 'expected one of off, shadow, live' });
const words = z.array(z.string({ error: 'expected text' }).min(1, { error: 'expected non-empty text' }), { error: 'expected a list of words or phrases' });

/**
 * When the intent's automated reply can serve a message: it must match one of `needs` (when
 * given) and none of `unless`. Patterns as in triggers. A message that fails is handed off
 * as not_answerable: an invoice link does not answer a declined payment.
 */
export const AnswerableRule = z
  .strictObject({
    needs: words.default([]),
    unless: words.default([]),
    /** What the reply answers, in words for the agent ("invoice or receipt copies ..."). */
    serves: z.string({ error: 'expected a short description of what the reply answers' }).min(1),
  })
  .refine((a) => a.needs.length + a.unless.length > 0, { error: 'expected at least one pattern in needs or unless' });

export const IntentRule = z.strictObject({
  automatable: z.boolean({ error: 'expected true or false' }),
  threshold: probability.optional(),
  team: TeamKey,
  priority: PriorityValue.default('normal'),
  answerable: AnswerableRule.optional(),
});

/** One kind of money or security risk: phrases in every supported language. */
export const SafetyNetRule = z.strictObject({
  phrases: words.min(1, { error: 'expected at least one phrase' }),
  team: TeamKey.optional(),
  /** false: fires even when denied. */
  negatable: z.boolean({ error: 'expected true or false' }).default(true),
});

export const TriggerRule = z
  .strictObject({
    words: words.default([]),
    phrases: words.default([]),
    variants: words.default([]),
    team: TeamKey.nullable().default(null),
    priority: PriorityValue,
    negatable: z.boolean({ error: 'expected true or false' }).default(true),
  })
  .refine((t) => t.words.length + t.phrases.length + t.variants.length > 0, {
    error: 'expected at least one entry in words, phrases or variants',
  });

const SegmentMatch = z
  .strictObject({
    org_tags: z.array(z.string()).optional(),
    customer_tags: z.array(z.string()).optional(),
    plans: z.array(z.string()).optional(),
    vip: z.boolean({ error: 'expected true or false' }).optional(),
  })
  .refine((m) => Object.keys(m).length > 0, { error: 'expected at least one condition (org_tags, customer_tags, plans, vip)' });

/** A rule on the clock: how long the customer has waited, and when the message arrives. Firing hands off. */
export const TimeRule = z
  .strictObject({
    name: z.string({ error: 'expected a rule name' }).regex(KEY_RE, { error: 'expected a snake_case rule name like long_wait' }),
    /** The customer's first message in the conversation is older than this. */
    waiting_minutes_over: z.number({ error: 'expected a number of minutes' }).positive({ error: 'expected more than 0 minutes' }).optional(),
    /** The message arrives within these hours ... */
    during: BusinessHoursSchema.optional(),
    /** ... or outside them. */
    outside: BusinessHoursSchema.optional(),
    /** Only for these intents (all when omitted). */
    intents: z.array(IntentKey).optional(),
    priority: PriorityValue.default('normal'),
    team: TeamKey.optional(),
  })
  .refine((r) => r.waiting_minutes_over !== undefined || r.during !== undefined || r.outside !== undefined, {
    error: 'expected at least one condition: waiting_minutes_over, during or outside',
  });

export const PolicySchema = z.strictObject({
  version: z.literal(1, { error: 'expected 1 (the only policy format version)' }),
  defaults: z.strictObject({
    threshold: probability.default(0.85),
    fallback_team: TeamKey,
    priority: PriorityValue.default('normal'),
  }),
  intents: z.record(IntentKey, IntentRule, { error: 'expected a map of intent name -> rule' }),
  ignore: z.strictObject({
    auto_replies: z.boolean({ error: 'expected true or false' }),
    intents: z.array(IntentKey),
    min_confidence: probability,
    phrases: words,
  }),
  // Optional so policies written before it keep loading; the shipped file spells it out.
  resolution: z
    .strictObject({
      enabled: z.boolean({ error: 'expected true or false' }),
      max_words: positiveInt('words').min(1, { error: 'expected at least 1' }),
      phrases: words,
    })
    .default({ enabled: false, max_words: 1, phrases: [] }),
  triggers: z.record(IntentKey, TriggerRule, { error: 'expected a map of trigger name -> rule' }),
  // Optional so policies written before it keep loading; the shipped file spells it out.
  safety_net: z
    .strictObject({
      team: TeamKey,
      priority: PriorityValue,
      rules: z.record(IntentKey, SafetyNetRule, { error: 'expected a map of risk name -> phrases' }),
    })
    .optional(),
  // Complaint cues beyond the sentiment lexicon; each one found hands the message to a person.
  complaint: z
    .strictObject({
      priority: PriorityValue,
      failure_stated: words.default([]),
      complaint_question: words.default([]),
      churn_threat: words.default([]),
      /** Praise words next to a failure word read as sarcasm. */
      sarcasm: z.strictObject({ praise: words, failure: words }),
    })
    .optional(),
  // How far a message may lie from what the model learned before it is out_of_scope.
  abstention: z
    .strictObject({
      enabled: z.boolean({ error: 'expected true or false' }),
      /** Share of the message's content words that speak for the winning intent in the model, at least. */
      min_support: probability,
      /** A message with at least this many words speaking for the intent is in scope whatever the share. */
      min_supporting_words: positiveInt('words').min(1, { error: 'expected at least 1' }).default(3),
      /**
       * A short message (at most max_content_words content words) read as one of `intents` is
       * out of scope when one of its words says nothing for the intent (never seen and not a
       * typo of a word that does, or learned only for other intents): in "how do I knit a
       * scarf" those words are the whole topic.
       */
      unfamiliar_topic: z.strictObject({ intents: z.array(z.string()), max_content_words: positiveInt('words') }).optional(),
    })
    .optional(),
  matching: z.strictObject({
    typo_min_length: positiveInt('letters').min(4, { error: 'expected at least 4 (shorter words would match other words)' }),
  }),
  sentiment: z.strictObject({
    negative_below: z.number({ error: 'expected a number between -1 and 0' }).min(-1, { error: 'expected a number between -1 and 0' }).max(0, { error: 'expected a number between -1 and 0' }),
    trend_drop: z.number({ error: 'expected a number between 0 and 2' }).gt(0, { error: 'expected a number between 0 and 2' }).max(2, { error: 'expected a number between 0 and 2' }),
    trend_min_messages: positiveInt('messages').min(1, { error: 'expected at least 1' }),
    shouting: z.strictObject({
      min_letters: positiveInt('letters').min(1, { error: 'expected at least 1' }),
      capitals_ratio: probability,
    }),
    repeated_times: positiveInt('times').min(2, { error: 'expected at least 2' }),
    priority: PriorityValue,
  }),
  vip: z.strictObject({
    team: TeamKey,
    priority: PriorityValue,
    org_tags: z.array(z.string()).default([]),
    customer_tags: z.array(z.string()).default([]),
    plans: z.array(z.string()).default([]),
    arr_above: z.number({ error: 'expected an amount (number) or null' }).nonnegative({ error: 'expected an amount of 0 or more' }).nullable().default(null),
    open_opportunity: z.boolean({ error: 'expected true or false' }).default(false),
    fields: z.strictObject({
      plan: z.string().default('plan'),
      arr: z.string().default('arr'),
      open_opportunity: z.string().default('open_opportunity'),
    }),
  }),
  time_rules: z.array(TimeRule, { error: 'expected a list of time rules' }).default([]),
  stuck: z.strictObject({
    max_ai_messages: positiveInt('messages').min(1, { error: 'expected at least 1' }).default(5),
    silence_minutes: z.number({ error: 'expected a number of minutes' }).positive({ error: 'expected more than 0 minutes' }).default(10),
    priority: PriorityValue,
  }),
  language: z.strictObject({
    supported: z.array(z.string().regex(/^[a-z]{2}$/, { error: 'expected a two-letter language code like en' })).min(1, { error: 'expected at least one language' }),
    min_letters: positiveInt('letters').min(1, { error: 'expected at least 1' }),
    action: z.enum(['handoff', 'automate'], { error: 'expected handoff or automate' }),
  }),
  injection: z.strictObject({
    team: TeamKey,
    priority: PriorityValue,
    patterns: words.min(1, { error: 'expected at least one pattern' }),
  }),
  rollout: z.strictObject({
    default: ModeValue,
    intents: z.record(IntentKey, ModeValue).default({}),
    segments: z
      .array(z.strictObject({ name: z.string().min(1), match: SegmentMatch, mode: ModeValue }))
      .default([]),
  }),
  groups: z.record(TeamKey, z.string({ error: 'expected a helpdesk group name' }).min(1, { error: 'expected a helpdesk group name' })),
  training: z
    .strictObject({ label_map: z.record(z.string(), IntentKey).default({}) })
    .default({ label_map: {} }),
  tags: z.strictObject({ prefix: z.string().regex(/^[a-z0-9_]*$/, { error: 'expected lowercase letters, digits or _' }) }).default({ prefix: 'baton_' }),
  handoff: HandoffSection,
});

export type Policy = z.infer<typeof PolicySchema>;
export type IntentPolicy = z.infer<typeof IntentRule>;
export type TriggerPolicy = z.infer<typeof TriggerRule>;
export type AnswerablePolicy = z.infer<typeof AnswerableRule>;
export type SafetyNetPolicy = NonNullable<z.infer<typeof PolicySchema>['safety_net']>;
export type TimeRulePolicy = z.infer<typeof TimeRule>;
