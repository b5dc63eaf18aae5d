/**
 * Strict request contract: a body that Zendesk's spec does not allow (unknown field, wrong
 * type, bad enum) is refused with 400 naming the field. Real Zendesk often ignores unknown
 * fields silently — which is exactly how an integration ships a field that does nothing — so
 * the sandbox is stricter than Zendesk on purpose.
 */
import type { RequestHandler } from 'express';
import type { ZendeskContract } from '../contract/validator.js';
import { ZendeskApiError } from '../zendesk-errors.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

export function contractGuard(contract: ZendeskContract): RequestHandler {
  return (req, _res, next) => {
    if (!WRITES.has(req.method)) {
      next();
      return;
    }
    const result = contract.validateRequestBody(req.method, req.path, req.body);
    if (!result.known || result.valid) {
      next();
      return;
    }
    const summary = result.issues.map((i) => i.message).join('; ');
    next(
      new ZendeskApiError(400, {
        error: 'SandboxContractViolation',
        description: `Request body breaks Zendesk's API contract (${result.operationId}, ${result.source}): ${summary}`,
        details: { operation: result.operationId, fields: result.issues.map((i) => i.field ?? i.pointer), issues: result.issues },
      }),
    );
  };
}
