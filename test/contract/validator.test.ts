/**
 * The contract validator itself: Zendesk's own examples pass, broken copies of them fail,
 * requests are strict, responses are not, and documentation-derived schemas apply where the
 * spec has no entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRequestBody, validateResponseBody } from './oas.js';

/** Recorded Zendesk responses and the spec's own examples, copied into the repository (see SOURCE.md there). */
const examplesDir = path.join(import.meta.dirname, '../fixtures/zendesk/examples');
const example = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')) as Record<string, unknown>;

/** Each recorded or spec-extracted example, with the operation and status it is a body of. */
const RESPONSE_EXAMPLES: Array<[file: string, method: string, path: string, status: number]> = [
  ['oas-extracted/TicketResponseExample.json', 'GET', '/api/v2/tickets/35436', 200],
  ['oas-extracted/TicketUpdateResponseExample.json', 'PUT', '/api/v2/tickets/35436', 200],
  ['oas-extracted/TicketCommentsResponseExample.json', 'GET', '/api/v2/tickets/35436/comments', 200],
  ['oas-extracted/TicketAuditsResponseExample.json', 'GET', '/api/v2/ticket_audits', 200],
  ['oas-extracted/TicketAuditResponseExample.json', 'GET', '/api/v2/tickets/666/audits/2127301143', 200],
  ['go-zendesk-fixtures/get_ticket.json', 'GET', '/api/v2/tickets/2.json', 200],
  ['go-zendesk-fixtures/put_ticket.json', 'PUT', '/api/v2/tickets/2.json', 200],
  ['go-zendesk-fixtures/get_ticket_audits.json', 'GET', '/api/v2/tickets/666/audits', 200],
  ['go-zendesk-fixtures/get_ticket_comments.json', 'GET', '/api/v2/tickets/2/comments', 200],
  ['go-zendesk-fixtures/get_trigger.json', 'GET', '/api/v2/triggers/360056295714', 200],
  ['go-zendesk-fixtures/get_groups.json', 'GET', '/api/v2/groups', 200],
  ['go-zendesk-fixtures/get_webhook.json', 'GET', '/api/v2/webhooks/01EJFTSCC78X5V07NPY2MHR00M', 200],
];

describe('Zendesk examples validate', () => {
  it.each(RESPONSE_EXAMPLES)('%s is a valid %s %s → %i body', (file, method, p, status) => {
    const result = validateResponseBody(method, p, status, example(file));
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the spec’s own update request example passes strict request validation', () => {
    const result = validateRequestBody('PUT', '/api/v2/tickets/{ticket_id}', example('oas-extracted/TicketUpdateRequestExample.json'));
    expect(result).toMatchObject({ valid: true, operationId: 'UpdateTicket', source: 'zendesk-oas' });
  });
});

describe('broken copies of the examples fail (the validator can say no)', () => {
  it('rejects an unknown status value', () => {
    const body = example('oas-extracted/TicketResponseExample.json') as { ticket: Record<string, unknown> };
    body.ticket.status = 'exploded';
    const result = validateResponseBody('GET', '/api/v2/tickets/35436', 200, body);
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toContain('/ticket/status');
  });

  it('rejects a string where the spec says integer', () => {
    const body = example('go-zendesk-fixtures/get_ticket.json') as { ticket: Record<string, unknown> };
    body.ticket.requester_id = '377922500012';
    expect(validateResponseBody('GET', '/api/v2/tickets/2', 200, body).issues.map((i) => i.pointer)).toContain('/ticket/requester_id');
  });

  it('rejects null where the spec (and the errata) do not allow it', () => {
    const body = example('go-zendesk-fixtures/get_ticket.json') as { ticket: Record<string, unknown> };
    body.ticket.subject = null;
    expect(validateResponseBody('GET', '/api/v2/tickets/2', 200, body).valid).toBe(false);
    body.ticket.subject = 'back';
    body.ticket.assignee_id = null; // recorded responses carry null here: allowed by an erratum
    expect(validateResponseBody('GET', '/api/v2/tickets/2', 200, body).valid).toBe(true);
  });
});

describe('requests are strict', () => {
  it('rejects a field the spec does not define, naming it', () => {
    const result = validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { status: 'open', additional_tags: ['vip'] } });
    expect(result.valid).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ field: 'additional_tags', pointer: '/ticket/additional_tags' }));
  });

  it('rejects unknown fields at every depth, including the top level', () => {
    const result = validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { comment: { body: 'hi', is_public: true } }, notify: true });
    expect(result.issues.map((i) => i.field).sort()).toEqual(['is_public', 'notify']);
  });

  it('rejects read-only properties in a request', () => {
    const result = validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { comment: { body: 'hi', id: 5, created_at: '2026-01-01T00:00:00Z' } } });
    expect(result.issues.map((i) => i.field).sort()).toEqual(['created_at', 'id']);
  });

  it('accepts fields from every allOf branch (TicketCreateInput = TicketUpdateInput + create-only fields)', () => {
    const body = { ticket: { subject: 'Printer on fire', brand_id: 1, requester_id: 7, comment: { body: 'The smoke is very colorful.' } } };
    expect(validateRequestBody('POST', '/api/v2/tickets', body)).toMatchObject({ valid: true, operationId: 'CreateTicket' });
  });

  it('enforces required fields and enums', () => {
    expect(validateRequestBody('POST', '/api/v2/tickets', { ticket: { subject: 'no comment' } }).issues).toContainEqual(expect.objectContaining({ field: 'comment' }));
    expect(validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { priority: 'critical' } }).valid).toBe(false);
    expect(validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { safe_update: 'true' } }).valid).toBe(false);
  });

  it('accepts the documented corrections: null to unassign, a new requester on create', () => {
    expect(validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { assignee_id: null, group_id: null } }).valid).toBe(true);
    expect(validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { subject: null } }).valid).toBe(false);
    const create = { ticket: { requester: { name: 'Ada', email: 'ada@example.com' }, comment: { body: 'hi' } } };
    expect(validateRequestBody('POST', '/api/v2/tickets', create).valid).toBe(true);
  });

  it('accepts custom_fields as {id, value} (spec erratum) but not the field-definition shape alone', () => {
    expect(validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { custom_fields: [{ id: 360001, value: 'refund' }] } }).valid).toBe(true);
    expect(validateRequestBody('PUT', '/api/v2/tickets/1', { ticket: { custom_fields: [{ id: 360001, value: 'x', title: 'Reason' }] } }).valid).toBe(false);
  });
});

describe('responses are validated as written, not strictly', () => {
  it('allows fields the spec does not list (Zendesk adds fields over time)', () => {
    const body = example('oas-extracted/TicketResponseExample.json') as { ticket: Record<string, unknown> };
    body.ticket.brand_new_field = true;
    expect(validateResponseBody('GET', '/api/v2/tickets/35436', 200, body).valid).toBe(true);
  });

  it('checks undocumented error statuses against Zendesk’s error bodies', () => {
    expect(validateResponseBody('GET', '/api/v2/tickets/1', 404, { error: 'RecordNotFound', description: 'Not found' }).valid).toBe(true);
    expect(validateResponseBody('PUT', '/api/v2/tickets/1', 409, { error: 'UpdateConflict', description: 'stale' }).valid).toBe(true);
    expect(validateResponseBody('GET', '/api/v2/tickets/1', 404, { message: 'nope' }).valid).toBe(false);
  });

  it('refuses an undocumented success status', () => {
    expect(validateResponseBody('GET', '/api/v2/tickets/1', 201, { ticket: {} })).toMatchObject({ valid: false, known: false });
  });
});

describe('documentation-derived schemas and path matching', () => {
  it('validates webhook requests from the hand-written (docs) schema, strictly', () => {
    const webhook = { name: 'Baton', status: 'active', endpoint: 'https://example.com/hook', http_method: 'POST', request_format: 'json', subscriptions: ['conditional_ticket_events'] };
    expect(validateRequestBody('POST', '/api/v2/webhooks', { webhook })).toMatchObject({ valid: true, source: 'zendesk-docs' });
    const bad = validateRequestBody('POST', '/api/v2/webhooks', { webhook: { ...webhook, retries: 3 } });
    expect(bad.issues).toContainEqual(expect.objectContaining({ field: 'retries' }));
  });

  it('validates Help Center search results (result_type and snippet are required)', () => {
    const article = { id: 1, title: 'Reset', body: '<p>x</p>', html_url: 'https://h/1', snippet: 'x', result_type: 'article' };
    expect(validateResponseBody('GET', '/api/v2/help_center/articles/search?query=x', 200, { results: [article], count: 1 }).valid).toBe(true);
    const { result_type: _drop, ...withoutType } = article;
    expect(validateResponseBody('GET', '/api/v2/help_center/articles/search', 200, { results: [withoutType], count: 1 }).valid).toBe(false);
  });

  it('prefers literal segments and ignores .json and query strings', () => {
    expect(validateResponseBody('GET', '/api/v2/users/me.json?include=roles', 200, { user: { name: 'A' } }).operationId).toBe('ShowCurrentUser');
    expect(validateResponseBody('GET', '/api/v2/users/42', 200, { user: { name: 'A' } }).operationId).toBe('ShowUser');
    expect(validateResponseBody('GET', '/api/v2/users/{id}/tickets/requested', 200, { tickets: [] }).operationId).toBe('ListTicketsRequested');
  });

  it('reports an operation neither the spec nor the docs describe as unknown', () => {
    expect(validateRequestBody('POST', '/api/v2/teleport', {})).toMatchObject({ valid: false, known: false, source: 'none' });
  });
});
