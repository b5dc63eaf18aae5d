/**
 * Times compared like with like: the first answer (Baton's automated reply vs a person's
 * first public reply) on one chart, the time to resolution (Baton's last answer on a ticket
 * not reopened vs solved by people on the helpdesk) on another, each on its own scale and
 * with the number of tickets behind each median. Minutes beside hours on one axis would
 * say nothing about either.
 */
import { SM } from '@zendeskgarden/react-typography';
import type { AnalyticsFigures, TimingView } from '../api/connector';
import { formatMinutes, intlLocale } from '../components/format';
import { useI18n } from '../i18n/TranslationProvider';
import { useHues } from './charts';
import { CompareBars } from './comparison-charts';
import { Card } from './layout';
import { enough } from './sample';

function TimeChart({ id, title, pair }: { id: string; title: string; pair: { automated: TimingView; human: TimingView } }) {
  const { t, locale } = useI18n();
  const hue = useHues();
  const time = (m: number | null) => formatMinutes(m, intlLocale(locale));
  const top = Math.max(1, pair.automated.medianMinutes ?? 0, pair.human.medianMinutes ?? 0);
  const text = (v: TimingView) => (v.medianMinutes === null ? '—' : `${time(v.medianMinutes)} (${t('analytics.n_tickets', { count: v.tickets })})`);
  const items = [
    { label: t('analytics.automated'), v: pair.automated, color: hue.automated },
    { label: t('analytics.time_human'), v: pair.human, color: hue.handedOff },
  ];
  return (
    <>
      <SM isBold tag="h3" id={id}>
        {title}
      </SM>
      <CompareBars
        testId={`${id}-bars`}
        title={title}
        ticks={[0, top / 2, top]}
        tickText={time}
        items={items.map((i) => ({ label: i.label, value: i.v.medianMinutes, text: text(i.v), color: i.color, few: !enough('timed', i.v.tickets) }))}
      />
    </>
  );
}

export function TimeCard({ resolution, firstResponse }: Pick<AnalyticsFigures, 'resolution' | 'firstResponse'>) {
  const { t } = useI18n();
  return (
    <Card aria-labelledby="baton-times" data-testid="resolution-time">
      <SM isBold id="baton-times" tag="h2">
        {t('analytics.times')}
      </SM>
      <TimeChart id="first-response" title={t('analytics.first_response_title')} pair={firstResponse} />
      <TimeChart id="resolution" title={t('analytics.resolution_title')} pair={resolution} />
      <SM>{t('analytics.time_hint')}</SM>
    </Card>
  );
}
