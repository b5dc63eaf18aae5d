/**
 * Every attempt Baton made on the ticket, oldest first, built to be scanned in seconds:
 * one line for what it did (answered / handed to a team), one for how sure and how the
 * customer felt, then the customer's words and Baton's reply, clamped to three lines.
 */
import { Tag } from '@zendeskgarden/react-tags';
import { MD, SM } from '@zendeskgarden/react-typography';
import { getColor } from '@zendeskgarden/react-theming';
import styled from 'styled-components';
import type { TicketView } from '../api/connector';
import { useI18n } from '../i18n/TranslationProvider';
import { formatTime, intlLocale, percent, words } from './format';

type Attempt = TicketView['timeline'][number];

const List = styled.ol`
  margin: 0;
  padding: 0;
  list-style: none;
`;

const Item = styled.li`
  border-left: 2px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  padding: 0 0 ${(p) => p.theme.space.sm} ${(p) => p.theme.space.sm};
  margin-left: ${(p) => p.theme.space.xxs};
`;

const Line = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
`;

const Quote = styled.p`
  margin: ${(p) => p.theme.space.xxs} 0 0;
  font-size: ${(p) => p.theme.fontSizes.sm};
  line-height: ${(p) => p.theme.lineHeights.sm};
  display: -webkit-box;
  -webkit-line-clamp: 3;
  -webkit-box-orient: vertical;
  overflow: hidden;
  white-space: pre-wrap;
`;

const Muted = styled(SM)`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

function headline(a: Attempt, t: (k: string, v?: Record<string, string | number>) => string): string {
  const did =
    a.action === 'handoff' ? t('timeline.handed_to', { team: words(a.team ?? t('timeline.no_team')) }) : a.action === 'automate' ? (a.playbook ? t('timeline.answered_with', { playbook: words(a.playbook) }) : t('action.automate')) : t('action.ignore');
  return a.mode === 'shadow' ? t('timeline.shadow', { action: did }) : did;
}

export function Timeline({ attempts }: { attempts: Attempt[] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="baton-timeline-title">
      <MD isBold id="baton-timeline-title" tag="h2">
        {t('timeline.title', { count: attempts.length })}
      </MD>
      <List data-testid="timeline">
        {attempts.map((a) => (
          <Item key={a.id} data-testid="attempt">
            <Line>
              <Tag size="small" hue={a.action === 'handoff' ? 'yellow' : a.action === 'automate' ? 'green' : 'grey'}>
                {t(`action.${a.action}`)}
              </Tag>
              <SM isBold>{headline(a, t)}</SM>
              <Muted>
                <time dateTime={a.at}>{formatTime(a.at, intlLocale(locale))}</time>
              </Muted>
            </Line>
            <Muted>
              {t('timeline.confidence', { intent: words(a.intent), percent: percent(a.confidence) })} · {t(`sentiment.${a.sentiment.label === 'negative' || a.sentiment.label === 'positive' ? a.sentiment.label : 'neutral'}`)}
              {a.writeStatus === 'pending' ? ` · ${t('timeline.not_written')}` : ''}
            </Muted>
            <Quote>
              <SM tag="span" isBold>
                {t('timeline.customer_said')}:{' '}
              </SM>
              {a.customerMessage}
            </Quote>
            {a.messageSent && (
              <Quote>
                <SM tag="span" isBold>
                  {t('timeline.baton_replied')}:{' '}
                </SM>
                {a.messageSent}
              </Quote>
            )}
          </Item>
        ))}
      </List>
    </section>
  );
}
