/**
 * CSAT and times split by intent, team and week: where a good average hides an intent whose
 * handoffs go badly, or a team that takes days. Rates and CSAT rest on few tickets early
 * on, so each CSAT cell says how many ratings it counts.
 */
import { MD } from '@zendeskgarden/react-typography';
import type { AnalyticsFigures, CsatScore, TeamFiguresView } from '../api/connector';
import { formatMinutes, intlLocale } from '../components/format';
import { useNames } from '../i18n/names';
import { useI18n } from '../i18n/TranslationProvider';
import { useCsatText } from './CsatCard';
import { Scroll, Table } from './layout';
import { enough } from './sample';

/** A CSAT cell; greyed with "too few" when it rests on fewer ratings than the minimum. */
function Csat({ c }: { c: CsatScore }) {
  const { t } = useI18n();
  const csatText = useCsatText();
  const few = c.score !== null && !enough('ratings', c.good + c.bad);
  return (
    <td className={few ? 'num few' : 'num'}>
      {csatText(c)}
      <span className="sr">{` ${t('analytics.csat_counts', { good: c.good, bad: c.bad })}`}</span>
    </td>
  );
}

/**
 * One row per intent or per week: the counts, the rates, CSAT by path and resolution times.
 * By week, automation counts every automated answer (durable or still provisional): an
 * answer can only become durable 7 days on, so the durable-only rate of the current week
 * would always read 0%. The column says so.
 */
export function FiguresTable({ id, title, first, rows, weekly = false }: { id: string; title: string; first: string; rows: { key: string; label: string; f: AnalyticsFigures }[]; weekly?: boolean }) {
  const { t, locale } = useI18n();
  const { pct } = useNames();
  const time = (m: number | null) => formatMinutes(m, intlLocale(locale));
  return (
    <section aria-labelledby={id}>
      <MD isBold id={id} tag="h2">
        {title}
      </MD>
      <Scroll>
        <Table data-testid={`${id}-table`}>
          <thead>
            <tr>
              <th>{first}</th>
              <th className="num">{t('analytics.col.tickets')}</th>
              <th className="num">{weekly ? t('analytics.col.automation_weekly') : t('analytics.col.automation')}</th>
              <th className="num">{t('analytics.col.handoff')}</th>
              <th className="num">{t('analytics.col.csat_handoff')}</th>
              <th className="num">{t('analytics.col.csat_automated')}</th>
              <th className="num">{t('analytics.col.csat_human_only')}</th>
              <th className="num">{t('analytics.col.resolution_automated')}</th>
              <th className="num">{t('analytics.col.resolution_human')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, label, f }) => (
              <tr key={key} className={enough('tickets', f.tickets) ? undefined : 'few'} data-few={!enough('tickets', f.tickets)}>
                <td>{label}</td>
                <td className="num">{f.tickets}</td>
                <td className="num">{pct(weekly ? f.automationRateIncludingProvisional : f.automationRate)}</td>
                <td className="num">{pct(f.handoffRate)}</td>
                <Csat c={f.csat.handoff} />
                <Csat c={f.csat.automated} />
                <Csat c={f.csat.humanOnly} />
                <td className="num">{time(f.resolution.automated.medianMinutes)}</td>
                <td className="num">{time(f.resolution.human.medianMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Scroll>
    </section>
  );
}

/** Handoffs per team, with what happened after them: CSAT, first human reply, resolution. */
export function TeamTable({ teams }: { teams: TeamFiguresView[] }) {
  const { t, locale } = useI18n();
  const names = useNames();
  const time = (m: number | null) => formatMinutes(m, intlLocale(locale));
  return (
    <section aria-labelledby="baton-quality-team">
      <MD isBold id="baton-quality-team" tag="h2">
        {t('analytics.quality_by_team')}
      </MD>
      <Scroll>
        <Table data-testid="baton-quality-team-table">
          <thead>
            <tr>
              <th>{t('analytics.col.team')}</th>
              <th className="num">{t('analytics.col.handoffs')}</th>
              <th className="num">{t('analytics.col.share')}</th>
              <th className="num">{t('analytics.col.csat_handoff')}</th>
              <th className="num">{t('analytics.col.first_response')}</th>
              <th className="num">{t('analytics.col.resolution_human')}</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr key={team.team}>
                <td>{names.team(team.team)}</td>
                <td className="num">{team.handedOff}</td>
                <td className="num">{names.pct(team.shareOfHandoffs)}</td>
                <Csat c={team.csatAfterHandoff} />
                <td className="num">{time(team.firstHumanResponse.medianMinutes)}</td>
                <td className="num">{time(team.resolution.medianMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Scroll>
    </section>
  );
}
