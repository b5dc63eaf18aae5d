/**
 * The two queues an admin works through: flagged mistakes and dead letters. Ticket numbers
 * open the ticket in Zendesk (ZAF routing). A dead letter reads as what failed, on which
 * ticket, how often and the last error in words, with a Retry that gives the job another
 * full set of attempts; never as the job's raw JSON.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import { toConnectorError, type ConnectorApi, type DeadLetterView, type FlagView } from '../api/connector';
import { failureText } from '../components/failure-text';
import { formatTime, intlLocale, words } from '../components/format';
import { TicketLink } from '../components/TicketLink';
import { useNames } from '../i18n/names';
import { useI18n } from '../i18n/TranslationProvider';
import { Scroll, Table } from './layout';

export function FlagsTable({ flags }: { flags: FlagView[] }) {
  const { t, locale } = useI18n();
  const names = useNames();
  return (
    <section aria-labelledby="baton-flags-title">
      <MD isBold id="baton-flags-title" tag="h2">
        {t('analytics.flags')} ({flags.length})
      </MD>
      {flags.length === 0 ? (
        <SM>{t('analytics.flags_none')}</SM>
      ) : (
        <Scroll>
          <Table data-testid="flags-table">
            <thead>
              <tr>
                <th>{t('analytics.when')}</th>
                <th>{t('analytics.ticket')}</th>
                <th>{t('analytics.kind')}</th>
                <th>{t('analytics.decision')}</th>
                <th>{t('analytics.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => {
                const action = f.attempt?.action === 'handoff' || f.attempt?.action === 'automate' ? f.attempt.action : 'ignore';
                return (
                  <tr key={f.id}>
                    <td>{formatTime(f.createdAt, intlLocale(locale))}</td>
                    <td>
                      <TicketLink id={f.ticketId} /> {f.subject ?? ''}
                    </td>
                    <td>{t(`flag.kind.${f.kind}`)}</td>
                    <td>{f.attempt ? `${t(`action.${action}`)}: ${names.intent(f.attempt.intent)}${f.attempt.team ? ` → ${names.team(f.attempt.team)}` : ''}` : '—'}</td>
                    <td>{f.comment ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </Scroll>
      )}
    </section>
  );
}

/** A job's last error as a sentence: the message of a JSON error body, else the text, shortened. */
export function readableError(raw: string | null): string {
  if (!raw) return '—';
  let text = raw.trim();
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const inner = typeof parsed.error === 'object' ? parsed.error?.message : (parsed.error ?? parsed.message);
    if (typeof inner === 'string') text = inner;
  } catch {
    // Not JSON: the text as written.
  }
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

function RetryButton({ api, id }: { api: ConnectorApi; id: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [state, setState] = useState<{ status: 'idle' | 'busy' | 'queued' } | { status: 'failed'; message: string }>({ status: 'idle' });
  if (state.status === 'queued') return <SM role="status">{t('analytics.retry_queued')}</SM>;
  return (
    <>
      <Button
        size="small"
        disabled={state.status === 'busy'}
        onClick={() => {
          setState({ status: 'busy' });
          api.retryDeadLetter(id).then(
            () => setState({ status: 'queued' }),
            (err) => setState({ status: 'failed', message: failureText(toConnectorError(err), i18n) }),
          );
        }}
      >
        {t('analytics.retry')}
      </Button>
      {state.status === 'failed' && <SM role="alert">{state.message}</SM>}
    </>
  );
}

export function DeadLettersTable({ items, api }: { items: DeadLetterView[]; api: ConnectorApi }) {
  const { t, has, locale } = useI18n();
  return (
    <section aria-labelledby="baton-dead-title">
      <MD isBold id="baton-dead-title" tag="h2">
        {t('analytics.dead_letters')} ({items.length})
      </MD>
      {items.length === 0 ? (
        <SM>{t('analytics.dead_letters_none')}</SM>
      ) : (
        <Scroll>
          <Table data-testid="dead-letters-table">
            <thead>
              <tr>
                <th>{t('analytics.when')}</th>
                <th>{t('analytics.job')}</th>
                <th>{t('analytics.ticket')}</th>
                <th className="num">{t('analytics.attempts')}</th>
                <th>{t('analytics.error')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-testid="dead-letter">
                  <td>{formatTime(d.updatedAt, intlLocale(locale))}</td>
                  <td>{has(`job_kind.${d.kind}`) ? t(`job_kind.${d.kind}`) : words(d.kind)}</td>
                  <td>{d.ticketId ? <TicketLink id={d.ticketId} /> : '—'}</td>
                  <td className="num">{d.attempts}</td>
                  <td>{readableError(d.lastError)}</td>
                  <td>
                    <RetryButton api={api} id={d.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Scroll>
      )}
    </section>
  );
}
