/**
 * "Return to automation": a button, an inline confirmation with an optional note, and the
 * result. Only a handed-off ticket shows the button; on any other ticket the status line at
 * the top says why there is nothing to return (no disabled button taking the top slot).
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { MD } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import type { ConnectorApi, TicketView } from '../api/connector';
import { toConnectorError } from '../api/connector';
import { useI18n } from '../i18n/TranslationProvider';
import { failureText } from './failure-text';
import { ActionDialog, ActionResult, type ActionOutcome } from './ActionDialog';

interface Props {
  api: ConnectorApi;
  view: TicketView;
  onDone(): void;
}

export function ReturnToAutomation({ api, view, onDone }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionOutcome | null>(null);
  const toggle = setOpen;
  const submit = async () => {
    setBusy(true);
    try {
      await api.returnToAutomation(view.ticket.id, note);
      setResult({ ok: true, message: t('return.done') });
      setNote('');
      onDone();
    } catch (err) {
      setResult({ ok: false, message: t('return.failed', { message: failureText(toConnectorError(err), i18n) }) });
    } finally {
      setBusy(false);
      toggle(false);
    }
  };
  return (
    <div>
      {view.canReturn.allowed && (
        <Button isStretched isPrimary aria-expanded={open} onClick={() => toggle(true)}>
          {t('return.button')}
        </Button>
      )}
      <ActionResult outcome={result} />
      {open && (
        <ActionDialog title={t('return.title')} confirmLabel={t('return.confirm')} busy={busy} onConfirm={submit} onCancel={() => toggle(false)}>
          <MD tag="p">{t('return.body')}</MD>
          <Field>
            <Field.Label>{t('return.note_label')}</Field.Label>
            <Field.Hint>{t('return.note_hint')}</Field.Hint>
            <Textarea value={note} maxLength={1000} minRows={2} maxRows={6} onChange={(e) => setNote(e.target.value)} />
          </Field>
        </ActionDialog>
      )}
    </div>
  );
}
