/**
 * CSAT after a handoff next to CSAT of automated answers and of tickets people handled
 * alone (the baseline): whether handing off, or automating, costs customer satisfaction.
 * A score from fewer ratings than the minimum sample is drawn grey and says so.
 */
import { SM } from '@zendeskgarden/react-typography';
import type { AnalyticsFigures, CsatScore } from '../api/connector';
import { useNames } from '../i18n/names';
import { useI18n } from '../i18n/TranslationProvider';
import { useHues } from './charts';
import { CompareBars } from './comparison-charts';
import { Card } from './layout';
import { enough, MIN_SAMPLE } from './sample';

/** "80% (5)": the score and how many ratings it rests on, in the locale's percent format. */
export function useCsatText(): (c: CsatScore) => string {
  const { pct } = useNames();
  return (c) => (c.score === null ? '—' : `${pct(c.score)} (${c.good + c.bad})`);
}

export function CsatCard({ csat }: { csat: AnalyticsFigures['csat'] }) {
  const { t } = useI18n();
  const { pct } = useNames();
  const hue = useHues();
  const csatText = useCsatText();
  const items = [
    { label: t('analytics.csat_handoff'), score: csat.handoff, color: hue.handedOff },
    { label: t('analytics.automated'), score: csat.automated, color: hue.automated },
    { label: t('analytics.csat_human_only'), score: csat.humanOnly, color: hue.humanOnly },
  ];
  return (
    <Card aria-labelledby="baton-csat" data-testid="csat">
      <SM isBold id="baton-csat" tag="h2">
        {t('analytics.csat')}
      </SM>
      <CompareBars
        testId="csat-bars"
        title={t('analytics.csat')}
        ticks={[0, 0.5, 1]}
        tickText={pct}
        items={items.map((i) => ({ label: i.label, value: i.score.score, text: csatText(i.score), color: i.color, few: !enough('ratings', i.score.good + i.score.bad) }))}
      />
      <SM>{t('analytics.csat_hint', { min: MIN_SAMPLE.ratings })}</SM>
    </Card>
  );
}
