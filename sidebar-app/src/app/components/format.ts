/** Small display helpers: words for machine keys, numbers and times in the agent's locale. */

/** 'billing_question' → 'billing question'. */
export const words = (key: string) => key.replace(/_/g, ' ');

export const percent = (x: number) => Math.round(x * 100);

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatMoney(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(amount);
}

/** Intl wants BCP 47 ('pt-BR'); our catalog keys are lower-case ('pt-br'). */
export const intlLocale = (locale: string) => locale.replace(/-(\w+)$/, (_, r: string) => `-${r.toUpperCase()}`);
