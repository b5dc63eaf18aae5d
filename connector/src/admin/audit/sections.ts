/** Section titles shared by the HTML and Markdown reports (and what tests look for). */
export const SECTIONS = {
  buckets: 'How much could be automated',
  intents: 'Intent distribution',
  phrases: 'What customers say, by intent',
  candidates: 'Best automation candidates',
  rollout: 'Suggested rollout order',
  assumptions: 'Assumptions',
  problems: 'Rows that could not be read',
} as const;

export const BUCKET_COLORS = { full: '#2e7d32', partial: '#f9a825', human: '#c62828' } as const;

export const fmtPct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The policy's `rollout` section once the first intents are live and the rest stays in shadow. */
export function rolloutSnippet(liveIntents: string[]): string[] {
  return ['rollout:', '  default: shadow   # decide and note internally; nothing is sent', '  intents:', ...liveIntents.map((i) => `    ${i}: live`)];
}
