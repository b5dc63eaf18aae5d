/**
 * The ticket's state and the reasons of the latest decision, in plain words ("Customer is
 * upset", not "negative_sentiment"). The state is a quiet label with a coloured dot, so it
 * never looks like a button. Reasons wrap onto as many lines as they need: the whole text
 * is on screen at any width, for mouse and keyboard users alike (no title-only tooltip). A
 * reason code the app has no words for (a tenant's own policy rule) shows the connector's
 * sentence instead.
 */
import { getColor } from '@zendeskgarden/react-theming';
import styled from 'styled-components';
import type { TicketView } from '../api/connector';
import { useI18n } from '../i18n/TranslationProvider';

const HUE: Record<TicketView['ticket']['state'], string> = {
  automated: 'green',
  handed_off: 'yellow',
  returned: 'blue',
  shadow: 'grey',
  resolved: 'kale',
};

const Badge = styled.p<{ $hue: string }>`
  display: flex;
  align-items: center;
  gap: ${(p) => p.theme.space.xs};
  margin: 0;
  font-size: ${(p) => p.theme.fontSizes.md};
  line-height: ${(p) => p.theme.lineHeights.md};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  &::before {
    content: '';
    flex: none;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: ${(p) => getColor({ theme: p.theme, hue: p.$hue, shade: 600 })};
  }
`;

export function StateTag({ state }: { state: TicketView['ticket']['state'] }) {
  const { t } = useI18n();
  return (
    <Badge $hue={HUE[state]} data-testid="state-tag">
      {t(`state.${state}`)}
    </Badge>
  );
}

const Row = styled.ul`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
  margin: ${(p) => p.theme.space.xxs} 0 0;
  padding: 0;
  list-style: none;
`;

/** A reason: grey like a tag, but it wraps instead of clipping. */
const Chip = styled.li`
  max-width: 100%;
  padding: 2px ${(p) => p.theme.space.xs};
  border-radius: ${(p) => p.theme.borderRadii.md};
  background: ${(p) => getColor({ theme: p.theme, variable: 'background.subtle' })};
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
  line-height: ${(p) => p.theme.lineHeights.sm};
  white-space: normal;
  overflow-wrap: anywhere;
`;

export function ReasonTags({ reasons, label }: { reasons: { code: string; text: string }[]; label: string }) {
  const { t, has } = useI18n();
  if (reasons.length === 0) return null;
  return (
    <Row aria-label={label} data-testid="reasons">
      {reasons.map((r) => (
        <Chip key={r.code + r.text}>{has(`reason.${r.code}`) ? t(`reason.${r.code}`) : r.text}</Chip>
      ))}
    </Row>
  );
}
