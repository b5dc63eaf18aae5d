/**
 * Reason codes that describe a decision rather than block automation (the triage engine's
 * apply-policy adds them): a report or simulation that asks "what kept this ticket from being
 * automated?" skips these.
 */
export const INFO_REASON_CODES: ReadonlySet<string> = new Set([
  'automatable_confident',
  'auto_reply',
  'unknown_intent',
  'enrichment_unavailable',
  'rollout_off',
  'rollout_shadow',
]);

export const blockingCodes = (codes: string[]): string[] => codes.filter((c) => !INFO_REASON_CODES.has(c));
