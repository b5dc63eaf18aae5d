/**
 * HAND-WRITTEN from Zendesk's public documentation, for endpoints that the OpenAPI file in
 * shared/zendesk/oas.yaml does not contain (it has no Webhooks or Help Center API, nor
 * "List requested tickets"). Written in OpenAPI 3.0 schema style; `$ref`s point at the spec's
 * own components. Each operation records the documentation page it was transcribed from.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ExtraOperation {
  operationId: string;
  /** The Zendesk documentation page the shapes were transcribed from. */
  source: string;
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

const WEBHOOKS_DOC = 'https://developer.zendesk.com/api-reference/webhooks/webhooks-api/webhooks/';
const HC_SEARCH_DOC = 'https://developer.zendesk.com/api-reference/help_center/help-center-api/search/#search-articles';
const REQUESTED_DOC = 'https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#list-tickets';

/** Webhook JSON format ("Webhooks API" → JSON format). */
const webhookFields = {
  authentication: {
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['basic_auth', 'bearer_token', 'api_key'] },
      data: { type: 'object', additionalProperties: true },
      add_position: { type: 'string', enum: ['header'] },
    },
  },
  custom_headers: { type: 'object', additionalProperties: { type: 'string' } },
  description: { type: 'string' },
  endpoint: { type: 'string' },
  external_source: { type: 'object', additionalProperties: true },
  http_method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
  name: { type: 'string' },
  request_format: { type: 'string', enum: ['json', 'xml', 'form_encoded'] },
  signing_secret: {
    type: 'object',
    properties: { algorithm: { type: 'string', enum: ['SHA256'] }, secret: { type: 'string' } },
  },
  status: { type: 'string', enum: ['active', 'inactive'] },
  subscriptions: { type: 'array', items: { type: 'string' } },
};

const WebhookObject = {
  type: 'object',
  properties: {
    ...webhookFields,
    id: { type: 'string', readOnly: true },
    created_at: { type: 'string', format: 'date-time', readOnly: true },
    created_by: { type: 'string', readOnly: true },
    updated_at: { type: 'string', format: 'date-time', nullable: true, readOnly: true },
    updated_by: { type: 'string', nullable: true, readOnly: true },
  },
  required: ['id', 'name', 'status', 'endpoint', 'http_method', 'request_format'],
};

const WebhookCreateRequest = {
  type: 'object',
  properties: {
    webhook: { type: 'object', properties: webhookFields, required: ['name', 'status', 'endpoint', 'http_method', 'request_format'] },
  },
  required: ['webhook'],
};

/** Article JSON format plus the two search-only properties (result_type, snippet). */
const ArticleSearchResult = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    url: { type: 'string' },
    html_url: { type: 'string' },
    author_id: { type: 'integer' },
    comments_disabled: { type: 'boolean' },
    draft: { type: 'boolean' },
    promoted: { type: 'boolean' },
    position: { type: 'integer' },
    vote_sum: { type: 'integer' },
    vote_count: { type: 'integer' },
    section_id: { type: 'integer' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    edited_at: { type: 'string', format: 'date-time' },
    name: { type: 'string' },
    title: { type: 'string' },
    source_locale: { type: 'string' },
    locale: { type: 'string' },
    outdated: { type: 'boolean' },
    outdated_locales: { type: 'array', items: { type: 'string' } },
    permission_group_id: { type: 'integer' },
    user_segment_id: { type: 'integer', nullable: true },
    label_names: { type: 'array', items: { type: 'string' } },
    content_tag_ids: { type: 'array', items: { type: 'string' } },
    body: { type: 'string' },
    snippet: { type: 'string' },
    result_type: { type: 'string', enum: ['article'] },
  },
  required: ['id', 'title', 'body', 'html_url', 'snippet', 'result_type'],
};

const nullableString = { type: 'string', nullable: true };

export const EXTRA_OPERATIONS: Record<string, Partial<Record<HttpMethod, ExtraOperation>>> = {
  '/api/v2/webhooks': {
    post: {
      operationId: 'CreateOrCloneWebhook',
      source: WEBHOOKS_DOC,
      requestBody: WebhookCreateRequest,
      responses: { '201': { type: 'object', properties: { webhook: WebhookObject }, required: ['webhook'] } },
    },
    get: {
      operationId: 'ListWebhooks',
      source: WEBHOOKS_DOC,
      responses: {
        '200': {
          type: 'object',
          properties: {
            webhooks: { type: 'array', items: WebhookObject },
            meta: {
              type: 'object',
              properties: { has_more: { type: 'boolean' }, after_cursor: nullableString, before_cursor: nullableString },
            },
            links: { type: 'object', properties: { next: nullableString, prev: nullableString } },
          },
          required: ['webhooks'],
        },
      },
    },
  },
  '/api/v2/webhooks/{webhook_id}': {
    get: {
      operationId: 'ShowWebhook',
      source: WEBHOOKS_DOC,
      responses: { '200': { type: 'object', properties: { webhook: WebhookObject }, required: ['webhook'] } },
    },
  },
  '/api/v2/webhooks/{webhook_id}/signing_secret': {
    get: {
      operationId: 'ShowWebhookSigningSecret',
      source: WEBHOOKS_DOC,
      responses: {
        '200': {
          type: 'object',
          properties: {
            signing_secret: {
              type: 'object',
              properties: { algorithm: { type: 'string', enum: ['SHA256'] }, secret: { type: 'string' } },
              required: ['algorithm', 'secret'],
            },
          },
          required: ['signing_secret'],
        },
      },
    },
  },
  '/api/v2/help_center/articles/search': {
    get: {
      operationId: 'SearchArticles',
      source: HC_SEARCH_DOC,
      responses: {
        '200': {
          type: 'object',
          properties: {
            results: { type: 'array', items: ArticleSearchResult },
            count: { type: 'integer' },
            next_page: nullableString,
            previous_page: nullableString,
            page: { type: 'integer' },
            per_page: { type: 'integer' },
            page_count: { type: 'integer' },
          },
          required: ['results', 'count'],
        },
      },
    },
  },
  '/api/v2/users/{user_id}/tickets/requested': {
    get: {
      operationId: 'ListTicketsRequested',
      source: REQUESTED_DOC,
      // Documented as the "List Tickets" response filtered to one requester.
      responses: { '200': { $ref: '#/components/schemas/TicketsResponse' } },
    },
  },
};

/**
 * Zendesk's error bodies (API reference → Introduction → Errors, and the newer APIs'
 * `errors` list), used for error statuses the spec does not document for an operation:
 * {"error":"RecordNotFound","description":"Not found"}, {"error":"Couldn't authenticate you"},
 * {"error":{"title":"Forbidden","message":"..."}}, {"errors":[{"code":"...","title":"..."}]}.
 */
export const ZENDESK_ERROR_BODY = {
  anyOf: [
    {
      type: 'object',
      properties: {
        error: {
          oneOf: [
            { type: 'string' },
            { type: 'object', properties: { title: { type: 'string' }, message: { type: 'string' } }, required: ['title'] },
          ],
        },
        description: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
      required: ['error'],
    },
    // The spec's Errors schema does not require its `errors` list; an error body must have it.
    { type: 'object', required: ['errors'], allOf: [{ $ref: '#/components/schemas/Errors' }] },
  ],
};
