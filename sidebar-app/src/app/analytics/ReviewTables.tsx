/** The two queues an admin works through: flagged mistakes and dead letters. */
import { MD, SM } from '@zendeskgarden/react-typography';
import type { DeadLetterView, FlagView } from '../api/connector';
import { formatTime, intlLocale, words } from '../components/format';
import { useI18n } from '../i18n/TranslationProvider';
import { Table } from './layout';

export function FlagsTable({ flags }: { flags: FlagView[] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="baton-flags-title">
      <MD isBold id="baton-flags-title" tag="h2">
        {t('analytics.flags')} ({flags.length})
      </MD>
      {flags.length === 0 ? (
        <SM>{t('analytics.flags_none')}</SM>
      ) : (
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
            {flags.map((f) => (
              <tr key={f.id}>
                <td>{formatTime(f.createdAt, intlLocale(locale))}</td>
                <td>
                  #{f.ticketId} {f.subject ?? ''}
                </td>
                <td>{t(`flag.kind.${f.kind}`)}</td>
                <td>{f.attempt ? `${t(`action.${f.attempt.action === 'handoff' || f.attempt.action === 'automate' ? f.attempt.action : 'ignore'}`)}: ${words(f.attempt.intent)}${f.attempt.team ? ` → ${f.attempt.team}` : ''}` : '—'}</td>
                <td>{f.comment ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

export function DeadLettersTable({ items }: { items: DeadLetterView[] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="baton-dead-title">
      <MD isBold id="baton-dead-title" tag="h2">
        {t('analytics.dead_letters')} ({items.length})
      </MD>
      {items.length === 0 ? (
        <SM>{t('analytics.dead_letters_none')}</SM>
      ) : (
        <Table data-testid="dead-letters-table">
          <thead>
            <tr>
              <th>{t('analytics.when')}</th>
              <th>{t('analytics.ticket')}</th>
              <th>{t('analytics.attempts')}</th>
              <th>{t('analytics.error')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td>{formatTime(d.updatedAt, intlLocale(locale))}</td>
                <td>{d.ticketId ? `#${d.ticketId}` : '—'}</td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
