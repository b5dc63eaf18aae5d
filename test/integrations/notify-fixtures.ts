/** A realistic handoff for the notification tests, with personal data where customers put it. */
import { handoffNotice, type HandoffNotice } from '../../connector/src/integrations/notify/types.js';
import { zendeskTicketUrl } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import type { CustomerContext, Decision } from '../../connector/src/triage/types.js';

export const HANDED_OFF_AT = Date.parse('2026-11-24T03:12:09Z');

export const decision: Pick<Decision, 'intent' | 'team' | 'priority' | 'reasons' | 'summary'> = {
  intent: 'cancellation',
  team: 'revenue',
  priority: 'urgent',
  reasons: [
    { code: 'vip', text: 'VIP: Acme Corp, ARR $120k' },
    { code: 'keyword_trigger', text: 'keyword trigger: "cancel" (customer wrote from dana.reyes@acme.example)' },
  ],
  summary: 'Wants to cancel after three outages; call back on +1 (555) 123-4567 or dana.reyes@acme.example. <!channel> see this',
};

export const customer: CustomerContext = {
  id: '42',
  name: 'Dana Reyes',
  email: 'dana.reyes@acme.example',
  tags: [],
  organization: { id: '900', name: 'Acme Corp', tags: ['enterprise'], fields: { plan: 'enterprise', arr: '120000', open_opportunity: true } },
};

export function notice(over: Partial<HandoffNotice> = {}): HandoffNotice {
  return {
    ...handoffNotice({
      id: 'evt_01JD8Z',
      tenantId: 'default',
      ticketId: '123',
      ticketUrl: zendeskTicketUrl('https://acme.zendesk.com/', 123),
      subject: 'Cancel our plan — reach me at dana.reyes@acme.example',
      decision,
      customer,
      at: HANDED_OFF_AT,
    }),
    ...over,
  };
}
