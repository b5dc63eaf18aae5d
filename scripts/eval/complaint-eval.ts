/**
 * Complaint detection measured on the project's own set (complaints/complaint-set.jsonl,
 * written from issue 11's descriptions; see complaints/README.md). A message counts as
 * detected when the complaint signal finds a cue; the sentiment lexicon's own verdict
 * (negative_below) is reported beside it as the baseline it improves on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Policy } from '../../connector/src/triage/policy/schema.js';
import { findComplaint } from '../../connector/src/triage/signals/complaint.js';
import { readSentiment } from '../../connector/src/triage/signals/sentiment.js';
import { tokenize } from '../../connector/src/triage/text/tokens.js';

export const COMPLAINT_SET_PATH = fileURLToPath(new URL('./complaints/complaint-set.jsonl', import.meta.url));

export interface ComplaintRow {
  text: string;
  complaint: boolean;
  kind: string;
}

export interface DetectionScore {
  precision: number;
  recall: number;
  f1: number;
  /** Recall per kind of complaint. */
  byKind: Record<string, { found: number; of: number }>;
  falseAlarms: number;
}

export function readComplaintSet(path: string = COMPLAINT_SET_PATH): ComplaintRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ComplaintRow);
}

function score(rows: ComplaintRow[], detect: (text: string) => boolean): DetectionScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byKind: Record<string, { found: number; of: number }> = {};
  for (const r of rows) {
    const hit = detect(r.text);
    if (r.complaint) {
      const k = (byKind[r.kind] ??= { found: 0, of: 0 });
      k.of++;
      if (hit) k.found++;
    }
    if (hit && r.complaint) tp++;
    else if (hit) fp++;
    else if (r.complaint) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), byKind, falseAlarms: fp };
}

export function complaintDetection(policy: Policy, rows: ComplaintRow[] = readComplaintSet()): { signal: DetectionScore; lexicon: DetectionScore } {
  return {
    signal: score(rows, (t) => findComplaint(policy, tokenize(t)) !== null),
    lexicon: score(rows, (t) => readSentiment(t).score <= policy.sentiment.negative_below),
  };
}
