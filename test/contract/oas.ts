/**
 * Zendesk API contract for tests: request/response validation against the part of Zendesk's
 * OpenAPI file the sandbox and tests use, committed as connector/contract/zendesk-api.json
 * (derived from ../shared/zendesk/oas.yaml; derived-contract.test.ts checks they agree when the
 * spec is present). Parsed once per test process. The validator core lives in the sandbox
 * (connector/src/sandbox/contract/) because the sandbox enforces the same contract at runtime.
 *
 *   expectValidRequest('PUT', '/api/v2/tickets/42', body)   // strict: unknown fields fail
 *   expectValidResponse('GET', '/api/v2/tickets/42', 200, json)
 */
import { loadContract, type ContractResult, type ZendeskContract } from '../../connector/src/sandbox/contract/validator.js';

export type { ContractIssue, ContractResult } from '../../connector/src/sandbox/contract/validator.js';

export function contract(): ZendeskContract {
  return loadContract();
}

/** Strict: a field the spec does not define for this operation's request is an error. */
export function validateRequestBody(method: string, pathTemplateOrConcretePath: string, body: unknown): ContractResult {
  return contract().validateRequestBody(method, pathTemplateOrConcretePath, body);
}

export function validateResponseBody(method: string, pathTemplateOrConcretePath: string, status: number, body: unknown): ContractResult {
  return contract().validateResponseBody(method, pathTemplateOrConcretePath, status, body);
}

function describe(result: ContractResult, what: string): string {
  return `${what} breaks the contract (${result.operationId ?? 'unknown operation'}):\n${result.issues.map((i) => `  - ${i.message}`).join('\n')}`;
}

/** Throws a readable error listing every issue; returns the result for further checks. */
export function expectValidRequest(method: string, path: string, body: unknown): ContractResult {
  const result = validateRequestBody(method, path, body);
  if (!result.valid) throw new Error(describe(result, `${method} ${path} request`));
  return result;
}

export function expectValidResponse(method: string, path: string, status: number, body: unknown): ContractResult {
  const result = validateResponseBody(method, path, status, body);
  if (!result.valid) throw new Error(describe(result, `${method} ${path} → ${status} response`));
  return result;
}
