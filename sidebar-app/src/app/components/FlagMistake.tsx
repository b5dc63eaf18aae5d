/**
 * "Flag a mistake": the agent says what Baton got wrong (one of four kinds, plus a comment),
 * and the flag waits for review on the analytics page.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Fieldset, Radio, Textarea } from '@zendeskgarden/react-forms';
import { useState } from 'react';
import type { ConnectorApi, FlagKind, TicketView } from '../api/connector';
import { toConnectorError } from '../api/connector';
import { useI18n } from '../i18n/TranslationProvider';
import { failureText } from './failure-text';
import { ActionDialog, ActionResult, type ActionOutcome } from './ActionDialog';

export const FLAG_KINDS: FlagKind[] = ['should_have_automated', 'wrong_answer', 'wrong_team', 'other'];

interface Props {
  api: ConnectorApi;
  view: TicketView;
}

export function FlagMistake({ api, view }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<FlagKind | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [missingKind, setMissingKind] = useState(false);
  const [result, setResult] = useState<ActionOutcome | null>(null);
  const toggle = setOpen;
  const submit = async () => {
    if (!kind) return setMissingKind(true);
    setBusy(true);
    try {
      await api.flag(view.ticket.id, { kind, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setResult({ ok: true, message: t('flag.done') });
      setKind(null);
      setComment('');
    } catch (err) {
      setResult({ ok: false, message: t('flag.failed', { message: failureText(toConnectorError(err), i18n) }) });
    } finally {
      setBusy(false);
      toggle(false);
    }
  };
  return (
    <div>
      <Button isStretched onClick={() => toggle(true)} aria-expanded={open} disabled={view.timeline.length === 0}>
        {t('flag.button')}
      </Button>
      <ActionResult outcome={result} />
      {open && (
        <ActionDialog title={t('flag.title')} confirmLabel={t('flag.submit')} busy={busy} onConfirm={submit} onCancel={() => toggle(false)}>
          <Fieldset>
            <Fieldset.Legend>{t('flag.kind_label')}</Fieldset.Legend>
            {FLAG_KINDS.map((k) => (
              <Field key={k}>
                <Radio
                  name="baton-flag-kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    setMissingKind(false);
                  }}
                >
                  <Field.Label>{t(`flag.kind.${k}`)}</Field.Label>
                </Radio>
              </Field>
            ))}
            {missingKind && (
              <Field>
                <Field.Message validation="error" role="alert">
                  {t('flag.choose_kind')}
                </Field.Message>
              </Field>
            )}
          </Fieldset>
          <Field>
            <Field.Label>{t('flag.comment_label')}</Field.Label>
            <Textarea value={comment} maxLength={2000} minRows={2} maxRows={6} onChange={(e) => setComment(e.target.value)} />
          </Field>
        </ActionDialog>
      )}
    </div>
  );
}
