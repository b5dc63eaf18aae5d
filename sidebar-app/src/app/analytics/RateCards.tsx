/**
 * The two headline numbers. The handoff rate sits beside its healthy range (10–40%):
 * too low and customers who needed a person may be stuck with the AI; too high and the
 * automation is not earning its keep.
 */
import { Tag } from '@zendeskgarden/react-tags';
import { getColor } from '@zendeskgarden/react-theming';
import { SM, XXL } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { AnalyticsSummary } from '../api/connector';
import { RangeGauge } from './charts';
import { useI18n } from '../i18n/TranslationProvider';

const Cards = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
  gap: ${(p) => p.theme.space.md};
`;

const Card = styled.section`
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.md};
`;

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function RateCards({ s }: { s: AnalyticsSummary }) {
  const { t } = useI18n();
  const { min, max } = s.handoffHealthyRange;
  const healthy = s.handoffRate === null ? null : s.handoffRate >= min && s.handoffRate <= max;
  return (
    <Cards>
      <Card aria-labelledby="baton-automation-rate" data-testid="automation-rate">
        <SM isBold id="baton-automation-rate" tag="h2">
          {t('analytics.automation_rate')}
        </SM>
        <XXL tag="p">{pct(s.automationRate)}</XXL>
        <SM>{t('analytics.tickets', { count: s.tickets })}</SM>
      </Card>
      <Card aria-labelledby="baton-handoff-rate" data-testid="handoff-rate">
        <SM isBold id="baton-handoff-rate" tag="h2">
          {t('analytics.handoff_rate')}
        </SM>
        <XXL tag="p">{pct(s.handoffRate)}</XXL>
        <SM>{t('analytics.healthy', { min: Math.round(min * 100), max: Math.round(max * 100) })}</SM>
        <RangeGauge rate={s.handoffRate} min={min} max={max} label={t('analytics.healthy', { min: Math.round(min * 100), max: Math.round(max * 100) })} />
        {healthy !== null && <Tag hue={healthy ? 'green' : 'red'}>{healthy ? t('analytics.in_range') : t('analytics.outside_range')}</Tag>}
      </Card>
    </Cards>
  );
}
