/**
 * "Return to automation": a button, a confirmation with an optional note, and the result.
 * Where it does not apply the button is disabled and the reason is written under it
 * (a disabled button cannot be focused, so a tooltip would hide the reason from keyboards).
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { useId, useState } from 'react';
import type { ConnectorApi, TicketView } from '../api/connector';
import { toConnectorError } from '../api/connector';
import { useI18n } from '../i18n/TranslationProvider';
import { ActionDialog, ActionResult, type ActionOutcome } from './ActionDialog';

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
  const [result, setResult] = useState<ActionOutcome | null>(null);
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
      <ActionResult outcome={result} />
      {open && (
        <ActionDialog title={t('return.title')} confirmLabel={t('return.confirm')} busy={busy} onConfirm={submit} onCancel={() => toggle(false)}>
          <SM>{t('return.body')}</SM>
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
