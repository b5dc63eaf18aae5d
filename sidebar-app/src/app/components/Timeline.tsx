/**
 * Every attempt Baton made on the ticket, newest first, built to be scanned in seconds:
 * the attempt that decided where the ticket is now sits on top, the older ones fold away
 * under "Earlier attempts (n)". Each attempt: one line for what it did (answered / handed
 * to a team), one for how sure and how the customer felt, then the customer's words and
 * Baton's reply, clamped to three lines.
 */
import { getColor } from '@zendeskgarden/react-theming';
import { MD, SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { TicketView } from '../api/connector';
import { useNames, type Names } from '../i18n/names';
import { useI18n } from '../i18n/TranslationProvider';
import { formatTime, intlLocale } from './format';

type Attempt = TicketView['timeline'][number];
type T = (k: string, v?: Record<string, string | number>) => string;

const List = styled.ol`
  margin: ${(p) => p.theme.space.xs} 0 0;
  padding: 0;
  list-style: none;
`;

const Item = styled.li<{ $hue: string }>`
  border-left: 3px solid ${(p) => getColor({ theme: p.theme, hue: p.$hue, shade: 600 })};
  padding: 0 0 ${(p) => p.theme.space.sm} ${(p) => p.theme.space.sm};
  margin-left: ${(p) => p.theme.space.xxs};
  font-size: ${(p) => p.theme.fontSizes.md};
  line-height: ${(p) => p.theme.lineHeights.md};
`;

const Quote = styled.p`
  margin: ${(p) => p.theme.space.xxs} 0 0;
  display: -webkit-box;
  -webkit-line-clamp: 3;
  -webkit-box-orient: vertical;
  overflow: hidden;
  white-space: pre-wrap;
`;

const Muted = styled(SM)`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

const Older = styled.details`
  summary {
    cursor: pointer;
    font-size: ${(p) => p.theme.fontSizes.md};
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.primary' })};
    margin: 0 0 ${(p) => p.theme.space.xs};
  }
`;

const HUE = { handoff: 'yellow', automate: 'green', ignore: 'grey' } as const;

function headline(a: Attempt, t: T, names: Names): string {
  const did =
    a.action === 'handoff'
      ? t('timeline.handed_to', { team: a.team ? names.team(a.team) : t('timeline.no_team') })
      : a.action === 'automate'
        ? a.playbook
          ? t('timeline.answered_with', { playbook: names.intent(a.playbook) })
          : t('action.automate')
        : t('action.ignore');
  return a.mode === 'shadow' ? t('timeline.shadow', { action: did }) : did;
}

function AttemptItem({ a }: { a: Attempt }) {
  const { t, locale } = useI18n();
  const names = useNames();
  const feeling = a.sentiment.label === 'negative' || a.sentiment.label === 'positive' ? a.sentiment.label : 'neutral';
  return (
    <Item $hue={HUE[a.action]} data-testid="attempt" data-action={a.action}>
      <div>
        <strong>{headline(a, t, names)}</strong>{' '}
        <Muted tag="span">
          · <time dateTime={a.at}>{formatTime(a.at, intlLocale(locale))}</time>
        </Muted>
      </div>
      <Muted>
        {t('timeline.confidence', { intent: names.intent(a.intent), percent: names.pct(a.confidence) })} · {t(`sentiment.${feeling}`)}
        {a.writeStatus === 'pending' ? ` · ${t('timeline.not_written')}` : ''}
      </Muted>
      <Quote>
        <strong>{t('timeline.customer_said')}: </strong>
        {a.customerMessage}
      </Quote>
      {a.messageSent && (
        <Quote>
          <strong>{t('timeline.baton_replied')}: </strong>
          {a.messageSent}
        </Quote>
      )}
    </Item>
  );
}

export function Timeline({ attempts }: { attempts: Attempt[] }) {
  const { t } = useI18n();
  const newestFirst = [...attempts].reverse();
  const [latest, ...older] = newestFirst;
  return (
    <section aria-labelledby="baton-timeline-title">
      <MD isBold id="baton-timeline-title" tag="h2">
        {t('timeline.title', { count: attempts.length })}
      </MD>
      <List data-testid="timeline">{latest && <AttemptItem a={latest} />}</List>
      {older.length > 0 && (
        <Older data-testid="older-attempts">
          <summary>{t('timeline.older', { count: older.length })}</summary>
          <List>
            {older.map((a) => (
              <AttemptItem key={a.id} a={a} />
            ))}
          </List>
        </Older>
      )}
    </section>
  );
}
