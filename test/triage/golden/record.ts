/**
 * One line of the golden file: a decision's fields that matter at a glance, plus a digest of
 * the whole decision (reason texts, summary, tags, alternatives), so a diff shows what moved
 * and the digest proves nothing else did.
 */
import { createHash } from 'node:crypto';
import type { Decision } from '../../../connector/src/triage/types.js';

export const GOLDEN_FILE = new URL('./decisions.jsonl', import.meta.url);

export function goldenLine(key: string, d: Decision): string {
  const digest = createHash('sha256').update(JSON.stringify(d)).digest('hex').slice(0, 12);
  return JSON.stringify({ key, action: d.action, intent: d.intent, confidence: d.confidence, language: d.language, team: d.team, priority: d.priority, reasons: d.reasons.map((r) => r.code), digest });
}
