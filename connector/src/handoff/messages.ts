/**
 * The words Baton writes on a handoff: an internal note an agent scans in ten seconds,
 * and a customer message that presents the handoff as getting a specialist.
 */
import type { Decision } from '../triage/types.js';
import { routingReasons, type Routing } from './route.js';
import { TEAM_LABELS } from './teams.js';

export interface NoteContext {
  customerName: string;
  organization?: string;
  message: string;
  earlierAttempts: number;
  routing?: Routing;
  /** What Baton already told the customer on this ticket (intent: first words). */
  aiTried?: string[];
  /** The requester's other tickets, as short lines. */
  history?: string[];
}

export function handoffNote(d: Decision, ctx: NoteContext): string {
  const team = ctx.routing?.team ?? d.team;
  const r = ctx.routing;
  const promise = !r ? '' : r.estimate.online ? `reply promised within ${r.estimate.minutes} min` : `team offline; reply promised by ${r.estimate.opensText}`;
  const lines = [
    `Baton handoff — ${team ? TEAM_LABELS[team] ?? team : 'support'}${r?.agent ? `, assigned to ${r.agent.name}` : ''}${promise ? ` (${promise})` : ''}`,
    `Customer: ${ctx.customerName || 'unknown'}${ctx.organization ? ` (${ctx.organization})` : ''}`,
    `Intent: ${d.intent} (confidence ${d.confidence.toFixed(2)}), sentiment ${d.sentiment.label}${d.sentiment.trend < -0.2 ? ', getting worse' : ''}`,
    `Why escalated: ${[...d.reasons, ...routingReasons(r)].map((x) => x.text).join('; ') || 'policy'}`,
    `AI tried: ${ctx.aiTried && ctx.aiTried.length > 0 ? ctx.aiTried.join(' | ') : ctx.earlierAttempts > 0 ? `${ctx.earlierAttempts} earlier automated repl${ctx.earlierAttempts === 1 ? 'y' : 'ies'} on this ticket` : 'nothing yet; handed off on first contact'}`,
    `Customer said: "${oneLine(ctx.message, 280)}"`,
  ];
  if (ctx.history && ctx.history.length > 0) lines.push(`Earlier tickets: ${ctx.history.join('; ')}`);
  if (d.summary) lines.push(`Summary: ${d.summary}`);
  lines.push(`Suggested next step: ${nextStep(d, team)}`);
  return lines.join('\n');
}

export function shadowNote(d: Decision): string {
  return [
    `Baton (shadow mode) would have ${d.action === 'automate' ? 'answered automatically' : d.action === 'handoff' ? `handed off to ${d.team ?? 'support'}` : 'ignored this message'}.`,
    `Intent: ${d.intent} (confidence ${d.confidence.toFixed(2)}); ${d.reasons.map((r) => r.text).join('; ')}`,
    ...(d.reply ? ['Draft reply:', d.reply] : []),
  ].join('\n');
}

function nextStep(d: Decision, team: string | null | undefined): string {
  switch (team) {
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
