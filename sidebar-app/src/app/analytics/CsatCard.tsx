/**
 * CSAT after a handoff next to CSAT of automated answers and of tickets people handled
 * alone (the baseline): whether handing off, or automating, costs customer satisfaction.
 */
import { SM } from '@zendeskgarden/react-typography';
import type { AnalyticsFigures, CsatScore } from '../api/connector';
import { formatPercent } from '../components/format';
import { useI18n } from '../i18n/TranslationProvider';
import { useHues } from './charts';
import { CompareBars } from './comparison-charts';
import { Card } from './layout';

/** "80% (5)": the score and how many ratings it rests on. */
export const csatText = (c: CsatScore) => (c.score === null ? '—' : `${formatPercent(c.score)} (${c.good + c.bad})`);

export function CsatCard({ csat }: { csat: AnalyticsFigures['csat'] }) {
  const { t } = useI18n();
  const hue = useHues();
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
      <CompareBars testId="csat-bars" title={t('analytics.csat')} max={1} items={items.map((i) => ({ label: i.label, value: i.score.score, text: csatText(i.score), color: i.color }))} />
      <SM>{t('analytics.csat_hint')}</SM>
    </Card>
  );
}
