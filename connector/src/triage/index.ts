/**
 * The triage engine's public surface. Everything else under triage/ is internal.
 */
export type * from './types.js';
export { loadPolicy, parsePolicy, parsePolicyYaml, DEFAULT_POLICY_PATH } from './policy/load.js';
export type { Policy } from './policy/schema.js';
export { createLocalTriage, type LocalTriage, type LocalTriageOptions } from './engine/local.js';
export { createOpenAITriage, type OpenAITriageOptions } from './engine/openai.js';
export { createTriageEngine, type EngineChoice } from './engine/create-engine.js';
export { redactPII } from './engine/redact.js';
export { checkSilence, checkSilenceForTicket, silenceDeadline, type SilenceEscalation, type SilenceState } from './signals/stuck.js';
export { cleanMessage } from './text/clean-message.js';
export { classifyLines, type ClassifyOptions, type ClassifySummary } from './classify/classify-stream.js';
export { trainTenantModel, readSolvedTicketsFile, type SolvedTicket, type TenantTrainReport } from './model/tenant-training.js';
export { loadIntentModel, shippedIntentModel, type IntentModel } from './model/intent-model.js';
