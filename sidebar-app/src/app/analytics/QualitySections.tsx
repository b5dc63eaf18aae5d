/**
 * What the automation did to customers, by intent, team and week: CSAT after handoff,
 * automated and human only, and resolution times, as tables, with CSAT by week drawn.
 * A split with no rows (no handoffs, say) is left out rather than shown empty.
 */
import { MD } from '@zendeskgarden/react-typography';
import type { AnalyticsSummary } from '../api/connector';
import { formatDay, intlLocale } from '../components/format';
import { useNames } from '../i18n/names';
import { useI18n } from '../i18n/TranslationProvider';
import { FiguresTable, TeamTable } from './BreakdownTables';
import { useHues } from './charts';
import { GroupedColumns, SeriesLegend } from './comparison-charts';
import { useCsatText } from './CsatCard';
import { enough, isPartialWeek } from './sample';

export function QualitySections({ s }: { s: AnalyticsSummary }) {
  const { t, locale } = useI18n();
  const names = useNames();
  const csatText = useCsatText();
  const hue = useHues();
  const week = (w: string) => formatDay(w, intlLocale(locale));
  const series = [
    { label: t('analytics.csat_handoff'), color: hue.handedOff },
    { label: t('analytics.automated'), color: hue.automated },
    { label: t('analytics.csat_human_only'), color: hue.humanOnly },
  ];
  const rated = s.byWeek.some((w) => w.csat.handoff.score !== null || w.csat.automated.score !== null || w.csat.humanOnly.score !== null);
  return (
    <>
      {s.byIntent.length > 0 && (
        <FiguresTable id="baton-quality-intent" title={t('analytics.quality_by_intent')} first={t('analytics.col.intent')} rows={s.byIntent.map((i) => ({ key: i.intent, label: names.intent(i.intent), f: i }))} />
      )}
      {s.byTeam.length > 0 && <TeamTable teams={s.byTeam} />}
      {s.byWeek.length > 0 && (
        <>
          {rated && (
            <section aria-labelledby="baton-csat-week">
              <MD isBold id="baton-csat-week" tag="h2">
                {t('analytics.csat_by_week')}
              </MD>
              <SeriesLegend series={series} />
              <GroupedColumns
                testId="csat-by-week"
                title={t('analytics.csat_by_week')}
                tickText={names.pct}
                series={series}
                rows={s.byWeek.map((w) => {
                  const scores = [w.csat.handoff, w.csat.automated, w.csat.humanOnly];
                  return {
                    label: week(w.weekStart),
                    values: scores.map((c) => c.score),
                    texts: scores.map(csatText),
                    few: scores.map((c) => !enough('ratings', c.good + c.bad)),
                    partial: isPartialWeek(w.weekStart, s.range, s.asOf),
                  };
                })}
              />
            </section>
          )}
          <FiguresTable id="baton-quality-week" title={t('analytics.quality_by_week')} first={t('analytics.col.week')} weekly
            rows={s.byWeek.map((w) => ({ key: w.weekStart, label: week(w.weekStart) + (isPartialWeek(w.weekStart, s.range, s.asOf) ? ` (${t('analytics.partial_week')})` : ''), f: w }))} />
        </>
      )}
    </>
  );
}
