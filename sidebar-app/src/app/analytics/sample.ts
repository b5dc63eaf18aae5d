/**
 * The minimum sample below which a figure is shown but not judged: greyed out, with the
 * count it rests on and the count it needs. Three tickets "in the healthy range" or a 100%
 * CSAT from four ratings say nothing yet, and drawn at full strength they read as facts.
 * The thresholds are deliberately round: they mark "too small to read", not significance.
 */
export const MIN_SAMPLE = {
  /** Decided tickets behind a rate (automation, handoff, a row of a split). */
  tickets: 20,
  /** Good + bad ratings behind a CSAT score. */
  ratings: 10,
  /** Timed tickets behind a median time. */
  timed: 5,
} as const;

export type SampleKind = keyof typeof MIN_SAMPLE;

export const enough = (kind: SampleKind, n: number) => n >= MIN_SAMPLE[kind];

/** A week is partial when the period starts after its Monday or it has not ended yet. */
export function isPartialWeek(weekStart: string, range: { from: string; to: string }, asOf: string): boolean {
  const start = Date.parse(`${weekStart}T00:00:00Z`);
  const end = start + 7 * 86_400_000;
  return start < Date.parse(range.from) || end > Math.min(Date.parse(range.to), Date.parse(asOf)) + 1;
}
