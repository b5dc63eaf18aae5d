/** The handoff notice and its Slack Block Kit rendering: structure, limits, escaping, and no contact details. */
import { describe, expect, it } from 'vitest';
import { buildSlackMessage } from '../../connector/src/integrations/notify/slack-message.js';
import { buildWebhookNotification } from '../../connector/src/integrations/notify/webhook-notification.js';
import { notice } from './notify-fixtures.js';

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
const PHONE = /\d{3}\)?[ .-]\d{3}[ .-]\d{4}/;

describe('handoff notice', () => {
  it('takes who, what and why from the decision and customer, without the e-mail address', () => {
    const n = notice();
    expect(n).toMatchObject({
      id: 'evt_01JD8Z',
      ticketUrl: 'https://acme.zendesk.com/agent/tickets/123',
      customer: { name: 'Dana Reyes', account: 'Acme Corp', plan: 'enterprise', arr: 120000, vip: true },
      intent: 'cancellation',
      team: 'revenue',
      priority: 'urgent',
      handedOffAt: '2026-11-24T03:12:09.000Z',
    });
    expect(n.reasons).toHaveLength(2);
    expect(JSON.stringify(n.customer)).not.toMatch(EMAIL);
  });
});

describe('Slack message', () => {
  const msg = buildSlackMessage(notice());
  const blocks = msg.blocks as any[];

  it('is Block Kit: header, subject, fields, reasons, summary and a button to the ticket', () => {
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'actions']);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '🔴 Urgent handoff to revenue', emoji: true } });
    expect(blocks[2].fields.map((f: any) => f.type)).toEqual(['mrkdwn', 'mrkdwn', 'mrkdwn', 'mrkdwn']);
    expect(blocks[2].fields.map((f: any) => f.text)).toEqual(['*Customer*\nDana Reyes', '*Account*\nAcme Corp · enterprise · ARR $120k · VIP', '*Intent*\ncancellation', '*Priority*\nUrgent']);
    expect(blocks[3].text.text).toMatch(/^\*Why escalated\*\n• VIP: Acme Corp, ARR \$120k\n• keyword trigger/);
    expect(blocks[5]).toEqual({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open ticket #123', emoji: true }, url: 'https://acme.zendesk.com/agent/tickets/123', style: 'primary', action_id: 'baton_open_ticket' }],
    });
    expect(msg.text).toMatch(/^Urgent handoff to revenue: Cancel our plan/);
  });

  it('never carries an e-mail address or phone number, wherever the customer wrote one', () => {
    const json = JSON.stringify(msg);
    expect(json).not.toMatch(EMAIL);
    expect(json).not.toMatch(PHONE);
    expect(json).toContain('[email]');
    expect(json).toContain('[phone]');
  });

  it('shows a requester whose name is their e-mail address as unknown', () => {
    const m = buildSlackMessage(notice({ customer: { name: 'dana.reyes@acme.example' } }));
    expect((m.blocks[2] as any).fields[0].text).toBe('*Customer*\nCustomer (name unknown)');
    expect((m.blocks[2] as any).fields[1].text).toBe('*Account*\n—');
    expect(JSON.stringify(m)).not.toMatch(EMAIL);
  });

  it('escapes Slack control characters so customer text cannot ping a channel', () => {
    const summary = (blocks[4].text.text as string);
    expect(summary).toContain('&lt;!channel&gt;');
    expect(summary).not.toContain('<!channel>');
  });

  it('keeps within Block Kit limits (header 150, section 3000)', () => {
    const m = buildSlackMessage(notice({ subject: 'x'.repeat(5000), team: 'y'.repeat(300), summary: 'z'.repeat(5000) }));
    const b = m.blocks as any[];
    expect(b[0].text.text.length).toBeLessThanOrEqual(150);
    expect(b[1].text.text.length).toBeLessThanOrEqual(3000);
    expect(b[4].text.text.length).toBeLessThanOrEqual(3000);
    expect(m.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('webhook body', () => {
  it('describes the handoff in a versioned JSON shape without contact details', () => {
    const body = buildWebhookNotification(notice());
    expect(body).toMatchObject({
      type: 'handoff.assigned',
      version: 1,
      id: 'evt_01JD8Z',
      created_at: '2026-11-24T03:12:09.000Z',
      tenant_id: 'default',
      ticket: { id: '123', url: 'https://acme.zendesk.com/agent/tickets/123' },
      customer: { name: 'Dana Reyes', account: 'Acme Corp', plan: 'enterprise', arr: 120000, vip: true },
      intent: 'cancellation',
      team: 'revenue',
      priority: 'urgent',
    });
    expect(JSON.stringify(body)).not.toMatch(EMAIL);
    expect(JSON.stringify(body)).not.toMatch(PHONE);
  });
});
