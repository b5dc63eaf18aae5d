/** The triage engine and policy the environment asks for. */
import type { Config } from '../config/load.js';
import type { Logger } from '../logger.js';
import { createTriageEngine, loadPolicy, type Policy, type Triage } from '../triage/index.js';

export function createTriageFromConfig(config: Config, log: Logger): { policy: Policy; triage: Triage; makeTriage: (policy: Policy) => Triage } {
  const policy = loadPolicy(config.BATON_POLICY_PATH);
  const makeTriage = (p: Policy) =>
    createTriageEngine(p, {
      engine: config.BATON_ENGINE,
      modelsDir: config.BATON_MODELS_DIR,
      openai: { apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.BATON_OPENAI_TIMEOUT_MS },
    });
  const triage = makeTriage(policy);
  log.info({ engine: triage.name, policy: config.BATON_POLICY_PATH ?? 'shipped default' }, 'triage engine ready');
  return { policy, triage, makeTriage };
}
