/**
 * Build the configured engine (local or openai) for the CLI and the service.
 * The openai engine always has the local one, with the same policy and models, as fallback.
 */
import type { Policy } from '../policy/schema.js';
import type { Triage } from '../types.js';
import { createLocalTriage } from './local.js';
import { createOpenAITriage } from './openai.js';

export interface EngineChoice {
  engine: 'local' | 'openai';
  /** Per-tenant models written by `baton train`. */
  modelsDir?: string;
  openai?: { apiKey?: string; baseURL?: string; model?: string; timeoutMs?: number };
}

export function createTriageEngine(policy: Policy, choice: EngineChoice): Triage {
  const local = createLocalTriage(policy, { modelsDir: choice.modelsDir });
  if (choice.engine === 'local') return local;
  const o = choice.openai ?? {};
  if (!o.apiKey && !o.baseURL) {
    throw new Error('the openai engine needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server)');
  }
  return createOpenAITriage(policy, {
    apiKey: o.apiKey ?? 'not-needed-for-local-server',
    baseURL: o.baseURL,
    model: o.model ?? 'gpt-4o-mini',
    timeoutMs: o.timeoutMs,
    fallback: local,
  });
}
