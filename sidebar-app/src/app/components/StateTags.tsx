/**
 * The ticket's state and the reasons of the latest decision as Garden tags in plain words
 * ("Customer is upset", not "negative_sentiment"). A reason code the app has no words for
 * (a tenant's own policy rule) shows the connector's sentence instead.
 */
import { Tag } from '@zendeskgarden/react-tags';
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

const Row = styled.ul`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xs};
  margin: 0;
  padding: 0;
  list-style: none;
`;

export function StateTag({ state }: { state: TicketView['ticket']['state'] }) {
  const { t } = useI18n();
  return (
    <Tag hue={HUE[state]} size="large" data-testid="state-tag">
      {t(`state.${state}`)}
    </Tag>
  );
}

export function ReasonTags({ reasons }: { reasons: { code: string; text: string }[] }) {
  const { t, has } = useI18n();
  if (reasons.length === 0) return null;
  return (
    <Row aria-label={t('sidebar.reasons_title')}>
      {reasons.map((r) => (
        <li key={r.code}>
          <Tag hue="grey" title={r.text}>
            {has(`reason.${r.code}`) ? t(`reason.${r.code}`) : r.text}
          </Tag>
        </li>
      ))}
    </Row>
  );
}
