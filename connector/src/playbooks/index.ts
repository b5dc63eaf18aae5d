/**
 * Playbooks write the reply for an automated decision. Each automatable intent has one;
 * a playbook that cannot answer well (no good Help Center article, say) returns a reason
 * instead, and the message is handed off.
 */
import type { ZendeskGateway } from '../helpdesk/zendesk/gateway.js';
import type { Reason } from '../triage/types.js';
import { howToReply } from './how-to.js';
import { TEMPLATES } from './templates.js';

export interface PlaybookContext {
  intent: string;
  customerName: string;
  subject: string;
  message: string;
  locale?: string;
  gateway: ZendeskGateway;
}

export type PlaybookResult = { reply: string } | { handoff: Reason };

export async function runPlaybook(ctx: PlaybookContext): Promise<PlaybookResult> {
  const first = ctx.customerName.split(/\s+/)[0] || 'there';
  if (ctx.intent === 'how_to') return howToReply(ctx, first);
  const template = TEMPLATES[ctx.intent];
  if (!template) return { handoff: { code: 'no_playbook', text: `no playbook for ${ctx.intent}` } };
  return { reply: template(first) };
}
