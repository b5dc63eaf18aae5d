/**
 * The Slack message for a handoff, in Block Kit: a header with priority and team, the
 * customer and account, the intent, why it was escalated, and a button to the ticket.
 * Everything that came from the customer is passed through the same personal-data
 * redaction as text sent to external models: Slack channels are wide and long-lived.
 */
import { formatMoney } from '../../triage/signals/vip.js';
import { safeName, safeText as safe } from './redaction.js';
import type { HandoffNotice } from './types.js';

export interface SlackMessage {
  /** Fallback for notifications and clients that cannot show blocks. */
  text: string;
  blocks: Record<string, unknown>[];
}

const PRIORITY_MARK: Record<HandoffNotice['priority'], string> = { urgent: '🔴', high: '🟠', normal: '🔵', low: '⚪' };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const words = (key: string) => key.replace(/_/g, ' ');
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
/** Slack mrkdwn control characters (&, <, >) must be escaped or they become links and mentions. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function buildSlackMessage(h: HandoffNotice): SlackMessage {
  const name = safeName(h.customer.name);
  const team = h.team ? words(h.team) : 'the support queue';
  const header = clip(`${PRIORITY_MARK[h.priority]} ${capital(h.priority)} handoff to ${team}`, 150);
  const account = h.customer.account
    ? [safe(h.customer.account), h.customer.plan, h.customer.arr !== undefined ? `ARR ${formatMoney(h.customer.arr)}` : undefined, h.customer.vip ? 'VIP' : undefined].filter(Boolean).join(' · ')
    : h.customer.vip
      ? 'VIP'
      : '—';
  const reasons = h.reasons.length > 0 ? h.reasons.map((r) => `• ${esc(safe(r))}`).join('\n') : '• (no reason recorded)';
  const subject = safe(h.subject).trim() || '(no subject)';
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: header, emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*${esc(subject)}*`, 3000) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: clip(`*Customer*\n${esc(name)}`, 2000) },
        { type: 'mrkdwn', text: clip(`*Account*\n${esc(account)}`, 2000) },
        { type: 'mrkdwn', text: `*Intent*\n${esc(words(h.intent))}` },
        { type: 'mrkdwn', text: `*Priority*\n${capital(h.priority)}` },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*Why escalated*\n${reasons}`, 3000) } },
  ];
  if (h.summary) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Summary*\n${esc(safe(h.summary))}`, 3000) } });
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: clip(`Open ticket #${h.ticketId}`, 75), emoji: true },
        url: h.ticketUrl,
        style: 'primary',
        action_id: 'baton_open_ticket',
      },
    ],
  });
  const text = clip(`${capital(h.priority)} handoff to ${team}: ${subject} (${name}${h.customer.account ? `, ${safe(h.customer.account)}` : ''})`, 3000);
  return { text, blocks };
}
