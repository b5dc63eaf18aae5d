/**
 * Median resolution time of automated tickets next to those people handled, with the
 * first response of each below: the time automation saves, or does not.
 */
import { SM } from '@zendeskgarden/react-typography';
import type { AnalyticsFigures } from '../api/connector';
import { formatMinutes, intlLocale } from '../components/format';
import { useI18n } from '../i18n/TranslationProvider';
import { useHues } from './charts';
import { CompareBars } from './comparison-charts';
import { Card } from './layout';

export function TimeCard({ resolution, firstResponse }: Pick<AnalyticsFigures, 'resolution' | 'firstResponse'>) {
  const { t, locale } = useI18n();
  const hue = useHues();
  const time = (m: number | null) => formatMinutes(m, intlLocale(locale));
  const items = [
    { label: t('analytics.automated'), value: resolution.automated.medianMinutes, color: hue.automated },
    { label: t('analytics.time_human'), value: resolution.human.medianMinutes, color: hue.handedOff },
  ];
  return (
    <Card aria-labelledby="baton-resolution" data-testid="resolution-time">
      <SM isBold id="baton-resolution" tag="h2">
        {t('analytics.resolution_time')}
      </SM>
      <CompareBars testId="resolution-bars" title={t('analytics.resolution_time')} max={0} items={items.map((i) => ({ ...i, text: time(i.value) }))} />
      <SM>{t('analytics.first_response', { automated: time(firstResponse.automated.medianMinutes), human: time(firstResponse.human.medianMinutes) })}</SM>
      <SM>{t('analytics.time_hint')}</SM>
    </Card>
  );
}
