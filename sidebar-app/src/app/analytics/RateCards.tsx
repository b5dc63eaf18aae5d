/**
 * The headline numbers, side by side: the automation rate, the handoff rate beside its
 * healthy range (10–40%: too low and customers who needed a person may be stuck with the
 * AI; too high and the automation is not earning its keep), CSAT by path and times, so a
 * rate is never read without what it did to customers. Under them, one line says how the
 * two rates add up (durable + provisional + reopened + handed off = every decided ticket),
 * and what is counted apart. Too few tickets, and the range is not judged.
 */
import { WrappingTag as Tag } from '../components/WrappingTag';
import { SM, XXL } from '@zendeskgarden/react-typography';
import type { AnalyticsSummary } from '../api/connector';
import { useNames } from '../i18n/names';
import { useI18n } from '../i18n/TranslationProvider';
import { RangeGauge } from './charts';
import { CsatCard } from './CsatCard';
import { Card, Cards } from './layout';
import { enough, MIN_SAMPLE } from './sample';
import { TimeCard } from './TimeCard';

export function RateCards({ s }: { s: AnalyticsSummary }) {
  const { t } = useI18n();
  const { pct } = useNames();
  const { min, max, status } = s.handoffHealthyRange;
  const healthy = t('analytics.healthy', { range: `${pct(min)}–${pct(max)}` });
  const few = !enough('tickets', s.tickets);
  // Automated tickets that are neither durable nor provisional came back (and stayed with Baton).
  const reopenedAutomated = Math.max(0, s.automated - s.durable - s.provisional);
  const share = (n: number) => (s.tickets ? pct(n / s.tickets) : '—');
  return (
    <>
      <Cards>
        <Card aria-labelledby="baton-automation-rate" data-testid="automation-rate">
          <SM isBold id="baton-automation-rate" tag="h2">
            {t('analytics.automation_rate')}
          </SM>
          <XXL tag="p">{pct(s.automationRate)}</XXL>
          <SM>{t('analytics.tickets', { count: s.tickets })}</SM>
          <SM>{t('analytics.automation_detail', { durable: s.durable, provisional: s.provisional, reopened: s.reopened })}</SM>
          <SM>{t('analytics.durable_hint')}</SM>
        </Card>
        <Card aria-labelledby="baton-handoff-rate" data-testid="handoff-rate">
          <SM isBold id="baton-handoff-rate" tag="h2">
            {t('analytics.handoff_rate')}
          </SM>
          <XXL tag="p">{pct(s.handoffRate)}</XXL>
          <SM>{healthy}</SM>
          <RangeGauge rate={s.handoffRate} min={min} max={max} label={healthy} few={few} />
          {status === 'no_data' ? null : few ? (
            <Tag hue="grey" data-testid="health-tag">
              {t('analytics.too_few', { count: s.tickets, min: MIN_SAMPLE.tickets })}
            </Tag>
          ) : (
            <Tag hue={status === 'within' ? 'green' : 'red'} data-testid="health-tag">
              {status === 'within' ? t('analytics.in_range') : t('analytics.outside_range')}
            </Tag>
          )}
        </Card>
        <CsatCard csat={s.csat} />
        <TimeCard resolution={s.resolution} firstResponse={s.firstResponse} />
      </Cards>
      {s.tickets > 0 && (
        <SM data-testid="adds-up">
          {t('analytics.adds_up', {
            tickets: s.tickets,
            durable: `${s.durable} (${share(s.durable)})`,
            provisional: `${s.provisional} (${share(s.provisional)})`,
            reopened: `${reopenedAutomated} (${share(reopenedAutomated)})`,
            handed_off: `${s.handedOff} (${share(s.handedOff)})`,
          })}{' '}
          {t('analytics.counted_apart', { shadow: s.shadowOnly, ignored: s.ignored })}
        </SM>
      )}
    </>
  );
}
