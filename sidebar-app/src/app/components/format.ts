/** Small display helpers: words for machine keys, numbers and times in the agent's locale. */

/** 'billing_question' → 'billing question'. */
export const words = (key: string) => key.replace(/_/g, ' ');

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatMoney(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(amount);
}

/** Intl wants BCP 47 ('pt-BR'); our catalog keys are lower-case ('pt-br'). */
export const intlLocale = (locale: string) => locale.replace(/-(\w+)$/, (_, r: string) => `-${r.toUpperCase()}`);

/** A share as a whole percentage in the locale's format; '—' when there is nothing to divide (not 0%). */
export const formatPercent = (x: number | null, locale: string) => (x === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x));

/**
 * A median time in the unit a person reads it in (minutes under 90, hours under two days,
 * then days), with Intl's own unit words so every locale gets its abbreviation.
 */
export function formatMinutes(minutes: number | null, locale: string): string {
  if (minutes === null) return '—';
  const unit = (value: number, u: 'minute' | 'hour' | 'day', digits: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (minutes < 90) return unit(Math.round(minutes), 'minute', 0);
  if (minutes < 48 * 60) return unit(minutes / 60, 'hour', 1);
  return unit(minutes / (24 * 60), 'day', 1);
}

/** A day ('2026-03-02', a week's Monday) as the locale writes a short date: "Mar 2", "2. März". */
export function formatDay(isoDay: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
}
