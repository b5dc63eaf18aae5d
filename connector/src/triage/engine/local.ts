/**
 * The local engine: offline, deterministic, sub-millisecond. The intent comes from the
 * calibrated model (a tenant's own when one was trained with `baton train`, else the shipped
 * one); everything else from the shared signals and policy rules.
 */
import type { Policy } from '../policy/schema.js';
import type { Decision, Triage, TriageInput } from '../types.js';
import { shippedIntentModel, type IntentModel } from '../model/intent-model.js';
import { TenantModels } from '../model/tenant-models.js';
import { applyPolicy, type IntentSignal } from './apply-policy.js';
import { readMessageSignals, type MessageSignals } from './message-signals.js';
import { compilePolicyMatchers } from './compile-matchers.js';

export interface LocalTriageOptions {
  /** Model to use for every tenant (tests, eval); default: tenant model if any, else shipped. */
  model?: IntentModel;
  /** Directory of per-tenant models written by `baton train` (<dir>/<tenant>/intent-model.json). */
  modelsDir?: string;
}

export interface LocalTriage extends Triage {
  /** The intent signal alone, for engines that fall back to it and for evaluation. */
  intentSignal(input: TriageInput, signals?: MessageSignals): IntentSignal;
}

/** How many runner-up intents a decision carries. */
const ALTERNATIVES = 3;

export function createLocalTriage(policy: Policy, opts: LocalTriageOptions = {}): LocalTriage {
  const tenants = opts.modelsDir && !opts.model ? new TenantModels(opts.modelsDir) : null;
  // Loaded now, not on the first message: a missing or unreadable model stops the service at
  // start (fail closed), instead of every message failing after it reported ready, and the
  // first customer does not wait for the load (about 16 ms).
  const shipped = opts.model ? undefined : shippedIntentModel();
  const modelFor = (tenantId: string): IntentModel => opts.model ?? tenants?.get(tenantId) ?? shipped!;
  compilePolicyMatchers(policy);

  function intentSignal(input: TriageInput, signals?: MessageSignals): IntentSignal {
    const model = modelFor(input.tenantId);
    const s = signals ?? readMessageSignals(policy, input, (w) => model.knowsWord(w));
    const p = model.predict(s.focus, s.tokens);
    const scope = policy.abstention;
    // The subject ("Chat with Amara Raman") can be all names: the message body alone counts too.
    const support =
      scope?.enabled && policy.intents[p.intent]?.automatable
        ? [model.support(s.tokens, p.intent), ...(s.focus !== s.clean && s.clean ? [model.support(s.cleanTokens, p.intent)] : [])].reduce((a, b) => (b.share > a.share ? b : a))
        : null;
    const weak = scope && support && support.share < scope.min_support && support.words < scope.min_supporting_words;
    const short = scope?.unfamiliar_topic;
    // In a short how-to every content word is the topic: one the intent gives no weight to
    // ("sync with my phone", "how do I knit a scarf") asks about something outside the product.
    const unfamiliarTopic = short && support && support.silent > 0 && support.content <= short.max_content_words && short.intents.includes(p.intent);
    const outOfScope = weak
      ? `${Math.round(support.share * 100)}% of its words speak for ${p.intent} (at least ${Math.round(scope.min_support * 100)}% or ${scope.min_supporting_words} words needed)`
      : unfamiliarTopic
        ? `a short message about words that say nothing for ${p.intent} (${support.silent} of ${support.content})`
        : undefined;
    return {
      ...(outOfScope ? { outOfScope } : {}),
      intent: p.intent,
      confidence: p.confidence,
      alternatives: p.ranked.slice(1, 1 + ALTERNATIVES).map((r) => ({ intent: r.intent, confidence: Math.round(r.probability * 1000) / 1000 })),
      engine: 'local',
    };
  }

  return {
    name: 'local',
    intentSignal,
    decide(input: TriageInput): Promise<Decision> {
      try {
        const model = modelFor(input.tenantId);
        const signals = readMessageSignals(policy, input, (w) => model.knowsWord(w));
        return Promise.resolve(applyPolicy(policy, input, signals, intentSignal(input, signals)));
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };
}
