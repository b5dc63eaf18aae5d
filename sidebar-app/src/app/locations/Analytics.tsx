/**
 * The nav_bar page: how much Baton automates and hands off (with the healthy range for
 * handoffs) next to what that did to customers (CSAT after handoff vs automated vs human
 * only, resolution times), split by intent, team and week; the queues waiting for a person
 * (flagged mistakes, dead letters); and the rollout switches with the shadow report that
 * tells whether an intent is ready to go live. The switches and the shadow report load on
 * their own, so a failure there leaves the figures readable.
 */
import { Field, Select } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { MD, SM, XL } from '@zendeskgarden/react-typography';
import { useMemo, useState } from 'react';
import styled from 'styled-components';
import { Legend, StackedBars, WeeklyColumns } from '../analytics/charts';
import { RateCards } from '../analytics/RateCards';
import { QualitySections } from '../analytics/QualitySections';
import { DeadLettersTable, FlagsTable } from '../analytics/ReviewTables';
import { RolloutPanel } from '../analytics/RolloutPanel';
import { ShadowReport } from '../analytics/ShadowReport';
import { ConnectorProblem } from '../components/ConnectorProblem';
import { words } from '../components/format';
import { useConnector } from '../hooks/useConnector';
import { useLoad } from '../hooks/useLoad';
import { useI18n } from '../i18n/TranslationProvider';

const Page = styled.main`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.lg};
  padding: ${(p) => p.theme.space.lg};
  max-width: 1100px;
`;

const Head = styled.header`
  display: flex;
  flex-wrap: wrap;
  align-items: end;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.md};
`;

const Grid = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(380px, 1fr));
  gap: ${(p) => p.theme.space.lg};
`;

const DAY = 86_400_000;
const RANGES = [7, 30, 90] as const;

export function rangeOf(days: number, now = Date.now()): { from: string; to: string } {
  return { from: new Date(now - days * DAY).toISOString(), to: new Date(now).toISOString() };
}

export default function Analytics() {
  const { t } = useI18n();
  const { api, error: setupError } = useConnector();
  const [days, setDays] = useState<number>(30);
  const range = useMemo(() => rangeOf(days), [days]);
  const loader = useMemo(() => (api ? () => Promise.all([api.summary(range), api.flags(), api.deadLetters()]) : null), [api, range]);
  const data = useLoad(loader);
  const labels = { automated: t('analytics.automated'), handedOff: t('analytics.handed_off') };

  let body;
  if (setupError) body = <ConnectorProblem error={setupError} url={api?.baseUrl ?? ''} />;
  else if (data.status === 'loading')
    body = (
      <div role="status" aria-live="polite">
        <Dots size={32} aria-hidden /> <SM tag="span">{t('analytics.loading')}</SM>
      </div>
    );
  else if (data.status === 'failed') body = <ConnectorProblem error={data.error} url={api?.baseUrl ?? ''} onRetry={data.reload} />;
  else {
    const [s, { flags }, { deadLetters }] = data.data;
    body = (
      <>
        <RateCards s={s} />
        {s.tickets === 0 ? (
          <SM>{t('analytics.no_data')}</SM>
        ) : (
          <Grid>
            <section aria-labelledby="baton-by-intent">
              <MD isBold id="baton-by-intent" tag="h2">
                {t('analytics.by_intent')}
              </MD>
              <Legend labels={labels} />
              <StackedBars title={t('analytics.by_intent')} labels={labels} rows={s.byIntent.map((r) => ({ label: words(r.intent), automated: r.automated, handedOff: r.handedOff }))} />
            </section>
            <section aria-labelledby="baton-by-team">
              <MD isBold id="baton-by-team" tag="h2">
                {t('analytics.by_team')}
              </MD>
              <StackedBars title={t('analytics.by_team')} labels={labels} rows={s.byTeam.map((r) => ({ label: words(r.team), automated: 0, handedOff: r.handedOff }))} />
            </section>
            <section aria-labelledby="baton-by-week">
              <MD isBold id="baton-by-week" tag="h2">
                {t('analytics.by_week')}
              </MD>
              <Legend labels={labels} />
              <WeeklyColumns title={t('analytics.by_week')} labels={labels} rows={s.byWeek.map((r) => ({ label: r.weekStart, automated: r.automated, handedOff: r.handedOff }))} />
            </section>
          </Grid>
        )}
        <QualitySections s={s} />
        <FlagsTable flags={flags} />
        <DeadLettersTable items={deadLetters} />
      </>
    );
  }
  return (
    <Page aria-busy={data.status === 'loading'}>
      <Head>
        <XL tag="h1" isBold>
          {t('analytics.title')}
        </XL>
        <Field>
          <Field.Label>{t('analytics.period')}</Field.Label>
          <Select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {RANGES.map((d) => (
              <option key={d} value={d}>
                {t('analytics.last_days', { days: d })}
              </option>
            ))}
          </Select>
        </Field>
      </Head>
      {body}
      {/* Only once the connector has answered: otherwise its problem is already shown above. */}
      {api && data.status === 'loaded' && (
        <>
          <RolloutPanel api={api} />
          <ShadowReport api={api} range={range} />
        </>
      )}
    </Page>
  );
}
