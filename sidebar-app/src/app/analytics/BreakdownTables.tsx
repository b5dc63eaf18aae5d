/**
 * CSAT and times split by intent, team and week: where a good average hides an intent whose
 * handoffs go badly, or a team that takes days. Rates and CSAT rest on few tickets early
 * on, so each CSAT cell says how many ratings it counts.
 */
import { MD } from '@zendeskgarden/react-typography';
import type { AnalyticsFigures, CsatScore, TeamFiguresView } from '../api/connector';
import { formatMinutes, formatPercent, intlLocale, words } from '../components/format';
import { useI18n } from '../i18n/TranslationProvider';
import { csatText } from './CsatCard';
import { Scroll, Table } from './layout';

function Csat({ c }: { c: CsatScore }) {
  const { t } = useI18n();
  return (
    <td className="num" title={t('analytics.csat_counts', { good: c.good, bad: c.bad })}>
      {csatText(c)}
    </td>
  );
}

/** One row per intent or per week: the counts, the rates, CSAT by path and resolution times. */
export function FiguresTable({ id, title, first, rows }: { id: string; title: string; first: string; rows: { key: string; label: string; f: AnalyticsFigures }[] }) {
  const { t, locale } = useI18n();
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
              <th className="num">{t('analytics.col.automation')}</th>
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
              <tr key={key}>
                <td>{label}</td>
                <td className="num">{f.tickets}</td>
                <td className="num">{formatPercent(f.automationRate)}</td>
                <td className="num">{formatPercent(f.handoffRate)}</td>
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
                <td>{words(team.team)}</td>
                <td className="num">{team.handedOff}</td>
                <td className="num">{formatPercent(team.shareOfHandoffs)}</td>
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
