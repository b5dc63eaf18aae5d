/**
 * The guide's healthy ranges, shown beside the figures. Only what the guide states is here:
 * a handoff rate between 10% and 40% (lower usually means the AI keeps customers who need a
 * person; higher means automation is doing little).
 */
export const HEALTHY_RANGES = {
  handoffRate: { min: 0.1, max: 0.4 },
} as const;

export type RangeStatus = 'below' | 'within' | 'above' | 'no_data';

export function rangeStatus(value: number | null, range: { min: number; max: number }): RangeStatus {
  if (value === null) return 'no_data';
  return value < range.min ? 'below' : value > range.max ? 'above' : 'within';
}
