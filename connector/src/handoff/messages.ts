/**
 * The words Baton writes on a handoff: an internal note an agent scans in ten seconds,
 * and a customer message that presents the handoff as getting a specialist.
 */
import type { Decision } from '../triage/types.js';
import { TEAM_LABELS } from './teams.js';

export function handoffNote(d: Decision, ctx: { customerName: string; organization?: string; message: string; earlierAttempts: number }): string {
  const lines = [
    `Baton handoff — ${d.team ? TEAM_LABELS[d.team] ?? d.team : 'support'}`,
    `Customer: ${ctx.customerName || 'unknown'}${ctx.organization ? ` (${ctx.organization})` : ''}`,
    `Intent: ${d.intent} (confidence ${d.confidence.toFixed(2)}), sentiment ${d.sentiment.label}${d.sentiment.trend < -0.2 ? ', getting worse' : ''}`,
    `Why escalated: ${d.reasons.map((r) => r.text).join('; ') || 'policy'}`,
    `AI tried: ${ctx.earlierAttempts > 0 ? `${ctx.earlierAttempts} earlier automated repl${ctx.earlierAttempts === 1 ? 'y' : 'ies'} on this ticket` : 'nothing yet; handed off on first contact'}`,
    `Customer said: "${oneLine(ctx.message, 280)}"`,
  ];
  if (d.summary) lines.push(`Summary: ${d.summary}`);
  lines.push(`Suggested next step: ${nextStep(d)}`);
  return lines.join('\n');
}

export function shadowNote(d: Decision): string {
  return [
    `Baton (shadow mode) would have ${d.action === 'automate' ? 'answered automatically' : d.action === 'handoff' ? `handed off to ${d.team ?? 'support'}` : 'ignored this message'}.`,
    `Intent: ${d.intent} (confidence ${d.confidence.toFixed(2)}); ${d.reasons.map((r) => r.text).join('; ')}`,
    ...(d.reply ? ['Draft reply:', d.reply] : []),
  ].join('\n');
}

export function waitMessage(d: Decision, opts: { minutes: number; customerName?: string }): string {
  const team = d.team ? TEAM_LABELS[d.team] ?? 'support' : 'support';
  const first = opts.customerName ? opts.customerName.split(/\s+/)[0] : '';
  return `${first ? `Hi ${first},\n\n` : ''}Thanks for your message. I've passed it to a specialist from our ${team} team, along with everything you've told us, so you won't need to repeat yourself. They will reply within ${opts.minutes} minutes.`;
}

function nextStep(d: Decision): string {
  switch (d.team) {
    case 'finance': return 'review the account\'s charges and reply with the outcome.';
    case 'trust_safety': return 'follow the legal/security process; do not promise outcomes in writing.';
    case 'revenue': return 'qualify the opportunity and offer a call.';
    case 'product_support': return 'reproduce the issue with the details given; link a bug if confirmed.';
    case 'senior_support': return 'acknowledge personally and own the ticket to resolution.';
    default: return 'reply personally; the customer is waiting.';
  }
}

function oneLine(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
