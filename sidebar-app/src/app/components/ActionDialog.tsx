/**
 * What the sidebar's two actions ("Return to automation", "Flag a mistake") share: the
 * confirmation and the alert that reports how it went.
 *
 * The confirmation is drawn inline, right under the button that opened it, not as a modal:
 * a modal inside the sidebar iframe centres itself on the (tall) iframe and lands below the
 * fold. Inline it opens where the agent is looking, at any window height. It takes focus
 * when it opens, Escape cancels it, and focus goes back to the button when it closes.
 * Cancel and Escape do nothing while the request runs.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { getColor } from '@zendeskgarden/react-theming';
import { MD } from '@zendeskgarden/react-typography';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import styled from 'styled-components';
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

const Panel = styled.section`
  margin-top: ${(p) => p.theme.space.xs};
  padding: ${(p) => p.theme.space.sm};
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.emphasis' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  display: grid;
  gap: ${(p) => p.theme.space.sm};
  &:focus {
    outline: none;
  }
  &:focus-visible {
    box-shadow: ${(p) => p.theme.shadows.md(getColor({ theme: p.theme, variable: 'border.primaryEmphasis' }))};
  }
`;

const Buttons = styled.div`
  display: flex;
  flex-wrap: wrap;
  justify-content: flex-end;
  gap: ${(p) => p.theme.space.xs};
`;

export function ActionDialog({ title, confirmLabel, busy, onConfirm, onCancel, children }: DialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    panel.current?.scrollIntoView?.({ block: 'nearest' });
    return () => opener?.focus?.();
  }, []);
  return (
    <Panel
      ref={panel}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="action-confirmation"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <MD isBold tag="h3" id={titleId}>
        {title}
      </MD>
      <div>{children}</div>
      <Buttons>
        <Button size="small" isBasic disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button size="small" isPrimary disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Buttons>
    </Panel>
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
