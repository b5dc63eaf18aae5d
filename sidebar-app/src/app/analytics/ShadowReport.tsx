/**
 * Before switching an intent to live: in shadow mode Baton only recorded what it would have
 * done, and this table puts that next to what the agent did on the helpdesk (the connector
 * reads Zendesk for it). Shown only when there were shadow decisions in the period; a failure
 * to read it is one line, since the rest of the page does not depend on it.
 */
import { WrappingTag as Tag } from '../components/WrappingTag';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useMemo } from 'react';
import type { ConnectorApi, ShadowRowView } from '../api/connector';
import { formatMinutes, formatTime, intlLocale } from '../components/format';
import { TicketLink } from '../components/TicketLink';
import { useNames } from '../i18n/names';
import { useLoad } from '../hooks/useLoad';
import { useI18n } from '../i18n/TranslationProvider';
import { Card, Scroll, Table } from './layout';

/** The newest rows; the summary line counts them all. */
const SHOWN = 10;
const VERDICT_HUE = { agreed: 'green', disagreed: 'red', pending: 'grey', unreadable: 'yellow' } as const;
const STATUSES = new Set(['new', 'open', 'pending', 'hold', 'solved', 'closed']);

function WouldHave({ ai }: { ai: ShadowRowView['ai'] }) {
  const { t } = useI18n();
  const names = useNames();
  const action = ai.action === 'automate' || ai.action === 'handoff' ? ai.action : 'ignore';
  return (
    <>
      {t(`action.${action}`)}: {names.intent(ai.intent)}
      {ai.team ? ` → ${names.team(ai.team)}` : ''} ({t('shadow.confidence', { percent: names.pct(ai.confidence) })})
    </>
  );
}

function AgentDid({ row }: { row: ShadowRowView }) {
  const { t, locale } = useI18n();
  const a = row.agent;
  if (!a) return <>{row.error ?? '—'}</>;
  const status = STATUSES.has(a.status) ? t(`shadow.status.${a.status}`) : a.status;
  const reply = a.firstReplyMinutes === null ? t('shadow.no_reply') : t('shadow.first_reply', { time: formatMinutes(a.firstReplyMinutes, intlLocale(locale)) });
  return (
    <>
      {status}
      {a.group ? ` → ${a.group}` : ''}, {reply}
    </>
  );
}

export function ShadowReport({ api, range }: { api: ConnectorApi; range: { from: string; to: string } }) {
  const { t, locale } = useI18n();
  const loader = useMemo(() => () => api.shadow(range), [api, range]);
  const data = useLoad(loader);
  if (data.status === 'loading') return null;
  if (data.status === 'failed') return <SM data-testid="shadow-unavailable">{t('shadow.unavailable', { message: data.error.message })}</SM>;
  const { rows } = data.data;
  if (rows.length === 0) return null;
  const count = (v: ShadowRowView['verdict']) => rows.filter((r) => r.verdict === v).length;
  return (
    <Card aria-labelledby="baton-shadow-title" data-testid="shadow-report">
      <MD isBold id="baton-shadow-title" tag="h2">
        {t('shadow.title')}
      </MD>
      <SM>{t('shadow.summary', { tickets: rows.length, agreed: count('agreed'), disagreed: count('disagreed'), pending: count('pending') })}</SM>
      {rows.length > SHOWN && <SM>{t('shadow.showing', { shown: SHOWN })}</SM>}
      <Scroll>
        <Table data-testid="shadow-table">
          <thead>
            <tr>
              <th>{t('shadow.col.decided')}</th>
              <th>{t('shadow.col.ticket')}</th>
              <th>{t('shadow.col.ai')}</th>
              <th>{t('shadow.col.agent')}</th>
              <th>{t('shadow.col.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <tr key={r.ticketId}>
                <td>{formatTime(r.decidedAt, intlLocale(locale))}</td>
                <td>
                  <TicketLink id={r.ticketId} />
                </td>
                <td>
                  <WouldHave ai={r.ai} />
                </td>
                <td>
                  <AgentDid row={r} />
                </td>
                <td>
                  <Tag hue={VERDICT_HUE[r.verdict]}>{t(`shadow.verdict.${r.verdict}`)}</Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Scroll>
    </Card>
  );
}
