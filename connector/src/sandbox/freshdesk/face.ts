/**
 * Builds the Freshdesk face over the sandbox's shared services: its state, its rule engine
 * (listening to every ticket change, whichever face or sandbox endpoint made it), its
 * unsigned webhook dispatcher and its Express app.
 */
import type express from 'express';
import type { SandboxServices } from '../http/context.js';
import type { DeliveryRecord } from '../model.js';
import { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { AutomationRuleEngine } from './automation-rules.js';
import type { AutomationRule, AutomationTypeId } from './rule-types.js';
import { createFreshdeskApp } from './app.js';
import { FreshdeskFaceState } from './face-state.js';
import { FreshdeskRateLimiter, type FdLimits } from './rate-limiter.js';
import { createRule } from './routes-automations.js';

export interface FreshdeskFace {
  apiKey: string;
  app: express.Express;
  dispatcher: WebhookDispatcher;
  /** Same as POST /api/v2/automations/{type}/rules. */
  createRule(type: AutomationTypeId, input: unknown): AutomationRule;
  rules(): AutomationRule[];
  setLimits(limits: Partial<FdLimits>): void;
  resetLimits(): void;
}

export function buildFreshdeskFace(
  s: SandboxServices,
  opts: { apiKey: string; helpdeskName: string; retryDelaysMs: number[]; timeoutMs: number; limits?: FdLimits },
): FreshdeskFace {
  const face = new FreshdeskFaceState(opts.apiKey);
  // Freshdesk does not sign webhooks (FACTS.md §7): a delivery carries the rule's own headers only.
  const dispatcher = new WebhookDispatcher(s.state, {
    accountId: 0,
    retryDelaysMs: opts.retryDelaysMs,
    timeoutMs: opts.timeoutMs,
    log: s.log,
    headers: (webhook, _delivery: DeliveryRecord) => ({ ...webhook.customHeaders, 'Content-Type': 'application/json', 'User-Agent': 'Freshdesk-Webhook (Baton sandbox)' }),
  });
  const engine = new AutomationRuleEngine(s.state, face, dispatcher, { baseUrl: () => s.baseUrl, helpdeskName: opts.helpdeskName, log: s.log });
  s.tickets.onChange((change) => engine.run(change, face.current));
  const limiter = new FreshdeskRateLimiter(opts.limits);
  return {
    apiKey: opts.apiKey,
    app: createFreshdeskApp(s, face, limiter),
    dispatcher,
    createRule: (type, input) => createRule(s, face, type, input),
    rules: () => [...face.rules.values()],
    setLimits: (limits) => limiter.setLimits(limits),
    resetLimits: () => limiter.reset(),
  };
}
