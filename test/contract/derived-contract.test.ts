/**
 * The committed contract (connector/contract/zendesk-api.json) is exactly what deriving it from
 * Zendesk's OpenAPI file gives, when that file is beside the repository. A plain clone has no
 * spec: there the committed file is the contract, and only the second block runs.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveContract, formatContract, USED_PATHS } from '../../connector/src/sandbox/contract/derive.js';
import { DERIVED_CONTRACT_PATH, loadSpec, sharedSpecPath } from '../../connector/src/sandbox/contract/spec-loader.js';
import { loadContract } from '../../connector/src/sandbox/contract/validator.js';

const spec = sharedSpecPath();
const committed = (): string => fs.readFileSync(DERIVED_CONTRACT_PATH, 'utf8');

describe.runIf(fs.existsSync(spec))('the committed contract agrees with Zendesk’s spec', () => {
  it('deriving it again gives the committed file byte for byte (else: npm run contract:derive)', () => {
    expect(committed()).toBe(formatContract(deriveContract(loadSpec(spec))));
  });

  it('validates like the full spec: same verdicts on the same bodies', () => {
    const full = loadContract(spec);
    const derived = loadContract(DERIVED_CONTRACT_PATH);
    const cases: [string, string, unknown][] = [
      ['PUT', '/api/v2/tickets/1', { ticket: { status: 'open', priority: 'high', tags: ['a'], comment: { body: 'x', public: false } } }],
      ['PUT', '/api/v2/tickets/1', { ticket: { status: 'exploded', additional_tags: ['x'] } }],
      ['POST', '/api/v2/tickets', { ticket: { subject: 'no comment' } }],
      ['POST', '/api/v2/users', { user: { name: 'Ada', email: 'ada@example.com', role: 'end-user' } }],
      ['POST', '/api/v2/triggers', { trigger: { title: 'T', conditions: { all: [] }, actions: [] } }],
    ];
    for (const [method, path, body] of cases) {
      expect(derived.validateRequestBody(method, path, body), `${method} ${path}`).toEqual(full.validateRequestBody(method, path, body));
    }
    const ticket = { ticket: { id: 1, subject: 's', status: 'bogus', requester_id: '7' } };
    expect(derived.validateResponseBody('GET', '/api/v2/tickets/1', 200, ticket)).toEqual(full.validateResponseBody('GET', '/api/v2/tickets/1', 200, ticket));
  });
});

describe('the committed contract', () => {
  it('is an OpenAPI document with every path the sandbox and tests use, and no prose', () => {
    const doc = JSON.parse(committed()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([...USED_PATHS].sort());
    // A property may be named "description"; prose is a description whose value is text.
    expect(committed()).not.toMatch(/"(description|summary|example)": "/);
  });

  it('is what the validator reads by default, so the sandbox checks requests without ../shared', () => {
    const result = loadContract().validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { additional_tags: ['vip'] } });
    expect(result).toMatchObject({ valid: false, known: true, source: 'zendesk-oas', operationId: 'UpdateTicket' });
  });
});
