/**
 * The generic webhook: a JSON body describing the handoff, signed so the receiver can
 * check it came from Baton and is fresh. Signature (see WEBHOOKS.md):
 *   X-Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 * The timestamp is inside the signed bytes, so a captured request cannot be replayed
 * later with a new time. Signed at send time: a retry an hour later carries a fresh t.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { safeName, safeText } from './redaction.js';
import type { HandoffNotice } from './types.js';

export const SIGNATURE_HEADER = 'X-Baton-Signature';
export const EVENT_HEADER = 'X-Baton-Event';

export interface WebhookNotification {
  type: 'handoff.assigned';
  version: 1;
  id: string;
  created_at: string;
  tenant_id: string;
  ticket: { id: string; url: string; subject: string };
  customer: { name: string; account: string | null; plan: string | null; arr: number | null; vip: boolean };
  intent: string;
  team: string | null;
  priority: string;
  reasons: string[];
  summary: string | null;
}

export function buildWebhookNotification(h: HandoffNotice): WebhookNotification {
  return {
    type: 'handoff.assigned',
    version: 1,
    id: h.id,
    created_at: h.handedOffAt,
    tenant_id: h.tenantId,
    ticket: { id: h.ticketId, url: h.ticketUrl, subject: safeText(h.subject) },
    customer: { name: safeName(h.customer.name), account: h.customer.account ?? null, plan: h.customer.plan ?? null, arr: h.customer.arr ?? null, vip: h.customer.vip === true },
    intent: h.intent,
    team: h.team,
    priority: h.priority,
    reasons: h.reasons.map(safeText),
    summary: h.summary ? safeText(h.summary) : null,
  };
}

export function signatureHeader(secret: string, rawBody: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * For receivers written in TypeScript (and Baton's tests): true when the header signs
 * this exact body with this secret and its time is within `toleranceSeconds` of now.
 */
export function verifySignature(secret: string, rawBody: string, header: string | undefined, opts: { nowSeconds?: number; toleranceSeconds?: number } = {}): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
