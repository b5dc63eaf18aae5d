/**
 * "Return to automation": a button, a confirmation with an optional note, and the result.
 * Where it does not apply the button is disabled and the reason is written under it
 * (a disabled button cannot be focused, so a tooltip would hide the reason from keyboards).
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { Modal } from '@zendeskgarden/react-modals';
import { Alert } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import { useId, useState } from 'react';
import type { ConnectorApi, TicketView } from '../api/connector';
import { toConnectorError } from '../api/connector';
import { useI18n } from '../i18n/TranslationProvider';

interface Props {
  api: ConnectorApi;
  view: TicketView;
  onDone(): void;
  onModal(open: boolean): void;
}

export function ReturnToAutomation({ api, view, onDone, onModal }: Props) {
  const { t } = useI18n();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const toggle = (v: boolean) => {
    setOpen(v);
    onModal(v);
  };
  const submit = async () => {
    setBusy(true);
    try {
      await api.returnToAutomation(view.ticket.id, note);
      setResult({ ok: true, message: t('return.done') });
      setNote('');
      onDone();
    } catch (err) {
      setResult({ ok: false, message: t('return.failed', { message: toConnectorError(err).message }) });
    } finally {
      setBusy(false);
      toggle(false);
    }
  };
  const allowed = view.canReturn.allowed;
  return (
    <div>
      <Button isStretched disabled={!allowed} aria-describedby={allowed ? undefined : reasonId} onClick={() => toggle(true)}>
        {t('return.button')}
      </Button>
      {!allowed && view.canReturn.reason && (
        <SM id={reasonId} data-testid="return-disabled-reason">
          {view.canReturn.reason}
        </SM>
      )}
      {result && (
        <Alert type={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'}>
          {result.message}
        </Alert>
      )}
      {open && (
        <Modal onClose={() => !busy && toggle(false)} aria-label={t('return.title')}>
          <Modal.Header tag="h2">{t('return.title')}</Modal.Header>
          <Modal.Body>
            <SM>{t('return.body')}</SM>
            <Field>
              <Field.Label>{t('return.note_label')}</Field.Label>
              <Field.Hint>{t('return.note_hint')}</Field.Hint>
              <Textarea value={note} maxLength={1000} minRows={2} maxRows={6} onChange={(e) => setNote(e.target.value)} />
            </Field>
          </Modal.Body>
          <Modal.Footer>
            <Modal.FooterItem>
              <Button isBasic disabled={busy} onClick={() => toggle(false)}>
                {t('common.cancel')}
              </Button>
            </Modal.FooterItem>
            <Modal.FooterItem>
              <Button isPrimary disabled={busy} onClick={submit}>
                {t('return.confirm')}
              </Button>
            </Modal.FooterItem>
          </Modal.Footer>
          <Modal.Close aria-label={t('common.close')} />
        </Modal>
      )}
    </div>
  );
}
