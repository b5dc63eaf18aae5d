/**
 * The headline numbers, side by side: the automation rate, the handoff rate beside its
 * healthy range (10–40%: too low and customers who needed a person may be stuck with the
 * AI; too high and the automation is not earning its keep), CSAT by path and resolution
 * time, so a rate is never read without what it did to customers.
 */
import { Tag } from '@zendeskgarden/react-tags';
import { SM, XXL } from '@zendeskgarden/react-typography';
import type { AnalyticsSummary } from '../api/connector';
import { formatPercent } from '../components/format';
import { useI18n } from '../i18n/TranslationProvider';
import { RangeGauge } from './charts';
import { CsatCard } from './CsatCard';
import { Card, Cards } from './layout';
import { TimeCard } from './TimeCard';

export function RateCards({ s }: { s: AnalyticsSummary }) {
  const { t } = useI18n();
  const { min, max, status } = s.handoffHealthyRange;
  const healthy = t('analytics.healthy', { min: Math.round(min * 100), max: Math.round(max * 100) });
  return (
    <Cards>
      <Card aria-labelledby="baton-automation-rate" data-testid="automation-rate">
        <SM isBold id="baton-automation-rate" tag="h2">
          {t('analytics.automation_rate')}
        </SM>
        <XXL tag="p">{formatPercent(s.automationRate)}</XXL>
        <SM>{t('analytics.tickets', { count: s.tickets })}</SM>
        <SM>{t('analytics.automation_detail', { durable: s.durable, provisional: s.provisional, reopened: s.reopened })}</SM>
        <SM>{t('analytics.durable_hint')}</SM>
      </Card>
      <Card aria-labelledby="baton-handoff-rate" data-testid="handoff-rate">
        <SM isBold id="baton-handoff-rate" tag="h2">
          {t('analytics.handoff_rate')}
        </SM>
        <XXL tag="p">{formatPercent(s.handoffRate)}</XXL>
        <SM>{healthy}</SM>
        <RangeGauge rate={s.handoffRate} min={min} max={max} label={healthy} />
        {status !== 'no_data' && <Tag hue={status === 'within' ? 'green' : 'red'}>{status === 'within' ? t('analytics.in_range') : t('analytics.outside_range')}</Tag>}
      </Card>
      <CsatCard csat={s.csat} />
      <TimeCard resolution={s.resolution} firstResponse={s.firstResponse} />
    </Cards>
  );
}
