/**
 * What the sidebar's two actions ("Return to automation", "Flag a mistake") share: the
 * confirmation dialog (title, body, Cancel and a confirm button; Escape and the close
 * button do nothing while the request runs) and the alert that reports how it went.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Modal } from '@zendeskgarden/react-modals';
import { Alert } from '@zendeskgarden/react-notifications';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/TranslationProvider';

export interface ActionOutcome {
  ok: boolean;
  message: string;
}

interface DialogProps {
  title: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}

export function ActionDialog({ title, confirmLabel, busy, onConfirm, onCancel, children }: DialogProps) {
  const { t } = useI18n();
  return (
    <Modal onClose={() => !busy && onCancel()} aria-label={title}>
      <Modal.Header tag="h2">{title}</Modal.Header>
      <Modal.Body>{children}</Modal.Body>
      <Modal.Footer>
        <Modal.FooterItem>
          <Button isBasic disabled={busy} onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Modal.FooterItem>
        <Modal.FooterItem>
          <Button isPrimary disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Modal.FooterItem>
      </Modal.Footer>
      <Modal.Close aria-label={t('common.close')} />
    </Modal>
  );
}

export function ActionResult({ outcome }: { outcome: ActionOutcome | null }) {
  if (!outcome) return null;
  return (
    <Alert type={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.message}
    </Alert>
  );
}
