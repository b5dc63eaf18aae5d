/**
 * Notifications carry who the customer is (name, account), never how to reach them.
 * Free text (subject, reasons, summary) may quote the customer, so it goes through the
 * same redaction as text sent to external models. Zendesk names a requester after their
 * e-mail address when it knows no name; such a name is replaced, not shown.
 */
import { redactPII } from '../../triage/engine/redact.js';

export const safeText = (s: string): string => redactPII(s);

export function safeName(name: string): string {
  const redacted = redactPII(name).trim();
  return redacted === '' || /\[(email|phone)\]/.test(redacted) ? 'Customer (name unknown)' : redacted;
}
