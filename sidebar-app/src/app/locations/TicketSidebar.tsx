/**
 * The ticket sidebar: what Baton did on this ticket and why, the summary, every attempt,
 * who the customer is, and the two things an agent can do about it. Loading, empty
 * (Baton never saw the ticket) and error (connector unreachable) states say so in words.
 */
import { MD, SM } from '@zendeskgarden/react-typography';
import { useMemo, useRef } from 'react';
import styled from 'styled-components';
import { ConnectorProblem } from '../components/ConnectorProblem';
import { CustomerContext } from '../components/CustomerContext';
import { FlagMistake } from '../components/FlagMistake';
import { ReturnToAutomation } from '../components/ReturnToAutomation';
import { ReasonTags, StateTag } from '../components/StateTags';
import { Summary } from '../components/Summary';
import { Timeline } from '../components/Timeline';
import { Waiting } from '../components/Waiting';
import { useAutoResize } from '../hooks/useAutoResize';
import { useConnector } from '../hooks/useConnector';
import { useLoad } from '../hooks/useLoad';
import { useI18n } from '../i18n/TranslationProvider';
import { useZafContext } from '../zaf/ClientProvider';

const Frame = styled.main`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.md};
  padding: ${(p) => p.theme.space.sm};
  font-size: ${(p) => p.theme.fontSizes.md};
  h2,
  h3 {
    margin: 0;
  }
`;

const Status = styled.section`
  display: grid;
  gap: ${(p) => p.theme.space.xs};
`;

const Actions = styled.div`
  display: grid;
  gap: ${(p) => p.theme.space.xs};
`;

export default function TicketSidebar() {
  const { t } = useI18n();
  const context = useZafContext();
  const { api, error: setupError } = useConnector();
  const ticketId = context?.ticketId;
  const loader = useMemo(() => (api && ticketId ? () => api.ticket(ticketId) : null), [api, ticketId]);
  const view = useLoad(loader);
  const frame = useRef<HTMLElement>(null);
  useAutoResize(frame);

  let body;
  if (setupError) body = <ConnectorProblem error={setupError} url={api?.baseUrl ?? ''} />;
  else if (view.status === 'loading') body = <Waiting label={t('sidebar.loading')} />;
  else if (view.status === 'failed' && view.error.kind === 'not_found')
    body = (
      <section data-testid="empty-state">
        <MD isBold tag="h2">
          {t('empty.title')}
        </MD>
        <SM>{t('empty.body')}</SM>
      </section>
    );
  else if (view.status === 'failed') body = <ConnectorProblem error={view.error} url={api?.baseUrl ?? ''} onRetry={view.reload} />;
  else {
    const v = view.data;
    const state = v.ticket.state;
    // After a return, the handoff's reasons no longer explain anything: the next message decides.
    const reasons = state === 'returned' ? [] : (v.decision?.reasons ?? []);
    const reasonsTitle = t(state === 'handed_off' ? 'sidebar.reasons_title' : 'sidebar.decision_title');
    body = (
      <>
        <Status aria-label={t('sidebar.status_label')}>
          <StateTag state={state} />
          {!v.canReturn.allowed && v.canReturn.code && <SM data-testid="state-note">{t(`return_block.${v.canReturn.code}`)}</SM>}
          {reasons.length > 0 && (
            <div>
              <SM isBold tag="h2">
                {reasonsTitle}
              </SM>
              <ReasonTags reasons={reasons} label={reasonsTitle} />
            </div>
          )}
        </Status>
        {state === 'handed_off' && v.decision?.action === 'handoff' && <Summary text={v.decision.summary} />}
        <Actions>
          <ReturnToAutomation api={api!} view={v} onDone={view.reload} />
          <FlagMistake api={api!} view={v} />
        </Actions>
        <Timeline attempts={v.timeline} />
        <CustomerContext view={v} />
      </>
    );
  }
  return (
    <Frame ref={frame} aria-busy={view.status === 'loading'}>
      {body}
    </Frame>
  );
}
