/**
 * The ticket sidebar: what Baton did on this ticket and why, the summary, every attempt,
 * who the customer is, and the two things an agent can do about it. Loading, empty
 * (Baton never saw the ticket) and error (connector unreachable) states say so in words.
 */
import { Dots } from '@zendeskgarden/react-loaders';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useCallback, useMemo, useRef, useState } from 'react';
import styled from 'styled-components';
import { ConnectorProblem } from '../components/ConnectorProblem';
import { CustomerContext } from '../components/CustomerContext';
import { FlagMistake } from '../components/FlagMistake';
import { ReturnToAutomation } from '../components/ReturnToAutomation';
import { ReasonTags, StateTag } from '../components/StateTags';
import { Summary } from '../components/Summary';
import { Timeline } from '../components/Timeline';
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
`;

const Actions = styled.div`
  display: grid;
  gap: ${(p) => p.theme.space.xs};
`;

/** Modals render over the iframe; it must be tall enough to show one whole. */
const MODAL_MIN_HEIGHT = 560;

export default function TicketSidebar() {
  const { t } = useI18n();
  const context = useZafContext();
  const { api, error: setupError } = useConnector();
  const ticketId = context?.ticketId;
  const loader = useMemo(() => (api && ticketId ? () => api.ticket(ticketId) : null), [api, ticketId]);
  const view = useLoad(loader);
  const [modalOpen, setModalOpen] = useState(false);
  const frame = useRef<HTMLElement>(null);
  useAutoResize(frame, modalOpen ? MODAL_MIN_HEIGHT : 0);
  const onModal = useCallback((open: boolean) => setModalOpen(open), []);

  let body;
  if (setupError) body = <ConnectorProblem error={setupError} url={api?.baseUrl ?? ''} />;
  else if (view.status === 'loading')
    body = (
      <div role="status" aria-live="polite">
        <Dots size={24} aria-hidden /> <SM tag="span">{t('sidebar.loading')}</SM>
      </div>
    );
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
    body = (
      <>
        <section aria-label={t('sidebar.status_label')}>
          <StateTag state={v.ticket.state} />
          {v.decision && v.decision.reasons.length > 0 && (
            <>
              <SM isBold tag="h2">
                {t(v.ticket.state === 'handed_off' ? 'sidebar.reasons_title' : 'sidebar.decision_title')}
              </SM>
              <ReasonTags reasons={v.decision.reasons} />
            </>
          )}
        </section>
        {v.decision?.action === 'handoff' && <Summary text={v.decision.summary} />}
        <Actions>
          <ReturnToAutomation api={api!} view={v} onDone={view.reload} onModal={onModal} />
          <FlagMistake api={api!} view={v} onModal={onModal} />
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
