/**
 * Names the connector sends as codes (intents, teams), in the agent's language: the
 * default intent set and the shipped teams have words in every locale; a tenant's own
 * intent or team has none, so it shows as its key in words ('vip_refunds' → 'vip refunds').
 * Percentages go through Intl, so every figure on a page has the locale's one format
 * ("40 %" in German, "40%" in English, never both).
 */
import { formatPercent, intlLocale, words } from '../components/format';
import { useI18n } from './TranslationProvider';

export interface Names {
  intent(key: string): string;
  team(key: string): string;
  /** A share 0..1 as the locale writes a percentage; '—' for null. */
  pct(x: number | null): string;
}

export function useNames(): Names {
  const { t, has, locale } = useI18n();
  const named = (group: string) => (key: string) => (has(`${group}.${key}`) ? t(`${group}.${key}`) : words(key));
  return { intent: named('intent'), team: named('team'), pct: (x) => formatPercent(x, intlLocale(locale)) };
}
