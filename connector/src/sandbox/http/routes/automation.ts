/**
 * Webhooks (Webhooks API, not in the OpenAPI file) and ticket triggers.
 */
import { Router } from 'express';
import type { WebhookRecord } from '../../model.js';
import { triggerJson, webhookJson } from '../../serializers.js';
import { createTrigger, type TriggerInput } from '../../triggers/engine.js';
import { newSigningSecret, signatureTimestamp, signWebhookBody } from '../../webhooks/signing.js';
import { invalidValue, notFound } from '../../zendesk-errors.js';
import { currentUser, idParam, queryValue, requireAdmin, serializeContext, type SandboxServices } from '../context.js';
import { offsetPage } from '../pagination.js';

interface WebhookBody {
  name?: unknown;
  description?: unknown;
  endpoint?: unknown;
  http_method?: unknown;
  request_format?: unknown;
  status?: unknown;
  subscriptions?: unknown;
  custom_headers?: unknown;
  signing_secret?: { secret?: unknown };
}

function oneOf<T extends string>(field: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw invalidValue(field, `${field} must be one of ${allowed.join(', ')}`);
}

export function automationRoutes(s: SandboxServices): Router {
  const r = Router();

  r.post('/api/v2/webhooks', (req, res) => {
    requireAdmin(res);
    const body = ((req.body as { webhook?: WebhookBody } | undefined)?.webhook ?? {}) as WebhookBody;
    if (typeof body.name !== 'string' || body.name.trim() === '') throw invalidValue('name', 'name is required');
    if (typeof body.endpoint !== 'string' || !/^https?:\/\//.test(body.endpoint)) throw invalidValue('endpoint', 'endpoint must be an http(s) URL');
    const webhook: WebhookRecord = {
      id: s.state.nextWebhookId(),
      name: body.name,
      description: typeof body.description === 'string' ? body.description : '',
      endpoint: body.endpoint,
      httpMethod: oneOf('http_method', body.http_method, ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const),
      requestFormat: oneOf('request_format', body.request_format, ['json', 'xml', 'form_encoded'] as const),
      status: oneOf('status', body.status, ['active', 'inactive'] as const),
      subscriptions: Array.isArray(body.subscriptions) ? body.subscriptions.map(String) : ['conditional_ticket_events'],
      // A caller may supply the secret (as the Webhooks API allows); otherwise one is issued.
      signingSecret: typeof body.signing_secret?.secret === 'string' && body.signing_secret.secret !== '' ? body.signing_secret.secret : newSigningSecret(),
      customHeaders: body.custom_headers && typeof body.custom_headers === 'object' ? Object.fromEntries(Object.entries(body.custom_headers).map(([k, v]) => [k, String(v)])) : {},
      createdAt: s.state.now(),
      createdBy: currentUser(res).id,
    };
    s.state.webhooks.set(webhook.id, webhook);
    res.status(201).json({ webhook: webhookJson(webhook) });
  });

  r.get('/api/v2/webhooks', (_req, res) => {
    requireAdmin(res);
    const webhooks = [...s.state.webhooks.values()].map(webhookJson);
    res.json({ webhooks, meta: { has_more: false, after_cursor: null, before_cursor: null }, links: { next: null, prev: null } });
  });

  const requireWebhook = (id: string | undefined): WebhookRecord => {
    const webhook = id ? s.state.webhooks.get(id) : undefined;
    if (!webhook) throw notFound('Webhook not found');
    return webhook;
  };

  // Test Webhook: one request to the endpoint, signed with the existing webhook's secret when
  // `webhook_id` names one; the answer is what the endpoint answered.
  r.post('/api/v2/webhooks/test', async (req, res, next) => {
    try {
      requireAdmin(res);
      const body = (req.body ?? {}) as { webhook?: WebhookBody; request?: { payload?: unknown } };
      const existing = queryValue(req, 'webhook_id');
      const webhook = existing ? requireWebhook(existing) : undefined;
      const endpoint = typeof body.webhook?.endpoint === 'string' ? body.webhook.endpoint : webhook?.endpoint;
      if (!endpoint || !/^https?:\/\//.test(endpoint)) throw invalidValue('endpoint', 'endpoint must be an http(s) URL');
      const payload = typeof body.request?.payload === 'string' ? body.request.payload : '';
      const secret = webhook?.signingSecret ?? newSigningSecret();
      const timestamp = signatureTimestamp(s.state.now());
      const answer = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Zendesk Webhook',
          'X-Zendesk-Webhook-Id': webhook?.id ?? 'test',
          'X-Zendesk-Webhook-Invocation-Id': `test-${Date.now()}`,
          'X-Zendesk-Webhook-Signature-Timestamp': timestamp,
          'X-Zendesk-Webhook-Signature': signWebhookBody(secret, timestamp, payload),
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (r) => ({ status: r.status, headers: [...r.headers].map(([key, value]) => ({ key, value })), body: await r.text() }),
        (err: Error) => ({ status: 0, headers: [], body: err.message }),
      );
      res.json({ response: answer });
    } catch (err) {
      next(err);
    }
  });

  r.get('/api/v2/webhooks/:id', (req, res) => {
    res.json({ webhook: webhookJson(requireWebhook(req.params.id)) });
  });

  r.get('/api/v2/webhooks/:id/signing_secret', (req, res) => {
    requireAdmin(res);
    res.json({ signing_secret: { algorithm: 'SHA256', secret: requireWebhook(req.params.id).signingSecret } });
  });

  r.post('/api/v2/triggers', (req, res) => {
    const input = ((req.body as { trigger?: TriggerInput } | undefined)?.trigger ?? {}) as TriggerInput;
    const trigger = createTrigger(s.state, input);
    res.status(201).json({ trigger: triggerJson(trigger, serializeContext(s)) });
  });

  r.get('/api/v2/triggers', (req, res) => {
    const ctx = serializeContext(s);
    const triggers = [...s.state.triggers.values()].sort((a, b) => a.position - b.position || a.id - b.id);
    const page = offsetPage(triggers, req, `${s.baseUrl}/api/v2/triggers.json`);
    res.json({ triggers: page.items.map((t) => triggerJson(t, ctx)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  });

  r.get('/api/v2/triggers/:id', (req, res) => {
    const trigger = s.state.triggers.get(idParam(req, 'id'));
    if (!trigger) throw notFound();
    res.json({ trigger: triggerJson(trigger, serializeContext(s)) });
  });

  return r;
}
