/**
 * Who the customer is (VIP, plan, ARR, CRM link) and their earlier conversations with
 * Baton, so the agent knows what the account is worth and what was already said.
 */
import { Anchor } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import { MD, SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { TicketView } from '../api/connector';
import { useNames } from '../i18n/names';
import { useI18n } from '../i18n/TranslationProvider';
import { useIsAdmin } from '../zaf/useIsAdmin';
import { formatMoney, formatTime, intlLocale } from './format';
import { TicketLink } from './TicketLink';

const Facts = styled.dl`
  display: grid;
  grid-template-columns: auto 1fr;
  gap: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.sm};
  margin: ${(p) => p.theme.space.xs} 0;
  dt {
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }
  dd {
    margin: 0;
  }
`;

const Earlier = styled.ul`
  margin: ${(p) => p.theme.space.xxs} 0 0;
  padding-left: ${(p) => p.theme.space.md};
`;

export function CustomerContext({ view }: { view: TicketView }) {
  const { t, locale } = useI18n();
  const names = useNames();
  const admin = useIsAdmin();
  const c = view.customer;
  return (
    <section aria-labelledby="baton-customer-title" data-testid="customer">
      <MD isBold id="baton-customer-title" tag="h2">
        {t('customer.title')} {c?.vip && <Tag hue="red" size="small">{t('customer.vip')}</Tag>}
      </MD>
      {c ? (
        <Facts>
          <dt>{t('customer.name')}</dt>
          <dd>{[c.name, c.organization].filter(Boolean).join(' · ') || '—'}</dd>
          <dt>{t('customer.plan')}</dt>
          <dd>{c.plan ?? '—'}</dd>
          <dt>{t('customer.arr')}</dt>
          <dd>{c.arr === null ? '—' : formatMoney(c.arr, intlLocale(locale))}</dd>
          {c.crmUrl && (
            <>
              <dt>{t('customer.crm')}</dt>
              <dd>
                <Anchor href={c.crmUrl} isExternal externalIconLabel={t('customer.opens_new_tab')}>
                  {t('customer.crm_open')}
                </Anchor>
              </dd>
            </>
          )}
        </Facts>
      ) : (
        // The helpdesk's own error helps an admin; an agent only needs to know the details are missing.
        <SM>{t('customer.unavailable', { reason: admin ? (view.customerError ?? '') : '' })}</SM>
      )}
      <SM isBold tag="h3">
        {t('customer.earlier_title')}
      </SM>
      {view.earlierConversations.length === 0 ? (
        <SM>{t('customer.earlier_none')}</SM>
      ) : (
        <Earlier data-testid="earlier">
          {view.earlierConversations.map((e) => (
            <li key={e.ticketId}>
              <SM>
                <TicketLink id={e.ticketId} /> {e.subject ?? ''} — {t(`state.${e.state}`)}
                {e.intent ? `, ${names.intent(e.intent)}` : ''} ({formatTime(e.lastAt, intlLocale(locale))})
              </SM>
            </li>
          ))}
        </Earlier>
      )}
    </section>
  );
}
