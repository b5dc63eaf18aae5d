/** requirements.json is generated from the connector's trigger payload and stays in sync. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { triggerBody } from '../../../connector/src/intake/zendesk/trigger-payload.js';
import { renderRequirements, REQUIREMENTS_PATH, WEBHOOK_REF } from '../../../sidebar-app/scripts/requirements.js';

const committed = JSON.parse(fs.readFileSync(REQUIREMENTS_PATH, 'utf8'));

describe('requirements.json', () => {
  it('is exactly what the generator writes (run npx tsx sidebar-app/scripts/requirements.ts)', () => {
    expect(fs.readFileSync(REQUIREMENTS_PATH, 'utf8')).toBe(renderRequirements());
  });

  it('creates the intake webhook on the connector URL', () => {
    expect(committed.webhooks.baton_intake).toMatchObject({
      endpoint: '{{setting.connector_url}}/webhooks/zendesk',
      http_method: 'POST',
      request_format: 'json',
      status: 'active',
      subscriptions: ['conditional_ticket_events'],
    });
  });

  it('sends exactly the connector trigger bodies, to that webhook', () => {
    const { baton_ticket_created: created, baton_comment_added: comment } = committed.triggers;
    expect(created.actions).toEqual([{ field: 'notification_webhook', value: [WEBHOOK_REF, triggerBody('ticket.created')] }]);
    expect(comment.actions).toEqual([{ field: 'notification_webhook', value: [WEBHOOK_REF, triggerBody('ticket.comment_added')] }]);
    // The body parses as the schema the intake validates.
    expect(JSON.parse(created.actions[0].value[1])).toMatchObject({ schema: 'baton.trigger.v1', event: 'ticket.created' });
  });

  it('never fires for API changes, and the customer triggers only for the end user', () => {
    for (const trigger of Object.values(committed.triggers) as { conditions: { all: unknown[] } }[]) {
      expect(trigger.conditions.all).toContainEqual({ field: 'current_via_id', operator: 'is_not', value: 5 });
    }
    for (const key of ['baton_ticket_created', 'baton_comment_added']) {
      expect(committed.triggers[key].conditions.all).toContainEqual({ field: 'role', operator: 'is', value: 'end_user' });
    }
    expect(committed.triggers.baton_comment_added.conditions.all).toEqual(expect.arrayContaining([{ field: 'comment_is_public', operator: 'is', value: 'true' }]));
  });
});
