/**
 * A ticket number that opens the ticket in the agent interface, through ZAF routing
 * (`client.invoke('routeTo', 'ticket', id)`): the app's iframe cannot navigate Zendesk
 * itself, and a plain link would open the ticket inside the iframe.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { useI18n } from '../i18n/TranslationProvider';
import { useClient } from '../zaf/ClientProvider';

export function TicketLink({ id }: { id: string | number }) {
  const client = useClient();
  const { t } = useI18n();
  return (
    <Button isLink data-testid="ticket-link" aria-label={t('common.open_ticket', { id })} onClick={() => void client.invoke('routeTo', 'ticket', String(id))}>
      #{id}
    </Button>
  );
}
