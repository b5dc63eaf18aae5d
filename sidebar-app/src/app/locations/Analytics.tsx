/**
 * The nav_bar page: how much Baton automates and hands off (with the healthy range for
 * handoffs) next to what that did to customers (CSAT after handoff vs automated vs human
 * only, first-answer and resolution times), then the rollout switches (near the top: they
 * are what an admin acts on), the splits by intent, team and week, the queues waiting for
 * a person (flagged mistakes, dead letters) and the shadow report. The switches and the
 * shadow report load on their own, so a failure there leaves the figures readable. A new
 * period says it is loading, over the old figures dimmed, until its own figures arrive.
 */
import { Field, Select } from '@zendeskgarden/react-forms';
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
import { formatDay, intlLocale } from '../components/format';
import { Waiting } from '../components/Waiting';
import { useNames } from '../i18n/names';
import { isPartialWeek } from '../analytics/sample';
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

/** Figures of the previous period, dimmed while the new one loads. */
const Figures = styled.div<{ $stale: boolean }>`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.lg};
  opacity: ${(p) => (p.$stale ? 0.4 : 1)};
  transition: opacity 0.2s;
`;

const DAY = 86_400_000;
const RANGES = [7, 30, 90] as const;

export function rangeOf(days: number, now = Date.now()): { from: string; to: string } {
  return { from: new Date(now - days * DAY).toISOString(), to: new Date(now).toISOString() };
}

export default function Analytics() {
  const { t, locale } = useI18n();
  const names = useNames();
  const { api, error: setupError } = useConnector();
  const [days, setDays] = useState<number>(30);
  const range = useMemo(() => rangeOf(days), [days]);
  const loader = useMemo(() => (api ? () => Promise.all([api.summary(range), api.flags(), api.deadLetters()]) : null), [api, range]);
  const data = useLoad(loader);
  const labels = { automated: t('analytics.automated'), handedOff: t('analytics.handed_off') };

  let body;
  if (setupError) body = <ConnectorProblem error={setupError} url={api?.baseUrl ?? ''} />;
  else if (data.status === 'loading') body = <Waiting size={32} label={t('analytics.loading_days', { days })} />;
  else if (data.status === 'failed') body = <ConnectorProblem error={data.error} url={api?.baseUrl ?? ''} onRetry={data.reload} />;
  else {
    const [s, { flags }, { deadLetters }] = data.data;
    const shownDays = Math.round((Date.parse(s.range.to) - Date.parse(s.range.from)) / DAY);
    body = (
      <>
        {data.refreshing && <Waiting label={t('analytics.loading_days', { days })} />}
        <SM data-testid="period-shown">{t('analytics.showing', { days: shownDays, from: formatDay(s.range.from.slice(0, 10), intlLocale(locale)), to: formatDay(s.range.to.slice(0, 10), intlLocale(locale)) })}</SM>
        <Figures $stale={data.refreshing} aria-busy={data.refreshing} data-testid="figures">
          <RateCards s={s} />
          {api && <RolloutPanel api={api} />}
          {s.tickets === 0 ? (
            <SM>{t('analytics.no_data')}</SM>
          ) : (
            <Grid>
              <section aria-labelledby="baton-by-intent">
                <MD isBold id="baton-by-intent" tag="h2">
                  {t('analytics.by_intent')}
                </MD>
                <Legend labels={labels} />
                <StackedBars title={t('analytics.by_intent')} labels={labels} rows={s.byIntent.map((r) => ({ key: r.intent, label: names.intent(r.intent), automated: r.automated, handedOff: r.handedOff }))} />
              </section>
              <section aria-labelledby="baton-by-team">
                <MD isBold id="baton-by-team" tag="h2">
                  {t('analytics.by_team')}
                </MD>
                <StackedBars testId="team-bars" title={t('analytics.by_team')} labels={labels} rows={s.byTeam.map((r) => ({ key: r.team, label: names.team(r.team), automated: 0, handedOff: r.handedOff }))} />
              </section>
              <section aria-labelledby="baton-by-week">
                <MD isBold id="baton-by-week" tag="h2">
                  {t('analytics.by_week')}
                </MD>
                <Legend labels={labels} />
                <WeeklyColumns
                  title={t('analytics.by_week')}
                  labels={labels}
                  rows={s.byWeek.map((r) => ({ weekStart: r.weekStart, label: formatDay(r.weekStart, intlLocale(locale)), automated: r.automated, handedOff: r.handedOff, partial: isPartialWeek(r.weekStart, s.range, s.asOf) }))}
                />
                <SM>{t('analytics.by_week_hint')}</SM>
              </section>
            </Grid>
          )}
          <QualitySections s={s} />
          <FlagsTable flags={flags} />
          <DeadLettersTable items={deadLetters} api={api!} />
          {api && <ShadowReport api={api} range={range} />}
        </Figures>
      </>
    );
  }
  return (
    <Page aria-busy={data.status === 'loading' || data.refreshing}>
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
    </Page>
  );
}
