/**
 * Derives, from Zendesk's full OpenAPI file (1.2 MB of YAML that a clone of this repository
 * does not have), the part the sandbox and the tests use: the operations of the paths below
 * (methods, request and response schemas) and every component schema they reach (field
 * names, types, enums, required, nullable, read-only), without prose and examples. The result
 * is committed as connector/contract/zendesk-api.json and is what the validator reads, so the
 * sandbox always runs with its contract on. `npm run contract:derive` rewrites it from
 * ../shared/zendesk/oas.yaml; test/contract/derived-contract.test.ts checks that the two agree
 * whenever the spec is present.
 */
import { SPEC_ERRATA } from './errata.js';
import { EXTRA_OPERATIONS, ZENDESK_ERROR_BODY } from './extra-schemas.js';
import type { OpenApiDocument } from './spec-loader.js';

/** Spec path templates the sandbox serves or the tests validate (all methods of each are kept). */
export const USED_PATHS = [
  '/api/v2/group_memberships',
  '/api/v2/groups',
  '/api/v2/incremental/tickets/cursor',
  '/api/v2/organizations/{organization_id}',
  '/api/v2/satisfaction_ratings',
  '/api/v2/search',
  '/api/v2/search/count',
  '/api/v2/ticket_audits',
  '/api/v2/tickets',
  '/api/v2/tickets/{ticket_id}',
  '/api/v2/tickets/{ticket_id}/audits',
  '/api/v2/tickets/{ticket_id}/audits/{ticket_audit_id}',
  '/api/v2/tickets/{ticket_id}/comments',
  '/api/v2/triggers',
  '/api/v2/triggers/{trigger_id}',
  '/api/v2/users',
  '/api/v2/users/me',
  '/api/v2/users/{user_id}',
];

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Prose and examples: the validator ignores them (schema-transform.ts drops them too). */
const ANNOTATIONS = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'xml', 'title', 'deprecated', 'discriminator']);
const COMBINATORS = new Set(['allOf', 'anyOf', 'oneOf']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface DerivedContract extends OpenApiDocument {
  info: { title: string; version: string; 'x-derived-from': string };
}

export function deriveContract(spec: OpenApiDocument & { info?: { title?: string; version?: string } }): DerivedContract {
  const refs = new Set<string>();
  const paths: DerivedContract['paths'] = {};
  for (const template of USED_PATHS) {
    const item = spec.paths[template];
    if (!isObject(item)) throw new Error(`Zendesk's spec has no path ${template}; update USED_PATHS in connector/src/sandbox/contract/derive.ts`);
    const kept: Json = {};
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) kept[method] = operation(op, refs);
    }
    paths[template] = kept;
  }
  // Schemas the errata patch and the hand-written operations point at are needed too.
  for (const patch of SPEC_ERRATA) refs.add(patch.schema);
  collectRefs(EXTRA_OPERATIONS, refs);
  collectRefs(ZENDESK_ERROR_BODY, refs);

  const schemas: Json = {};
  const queue = [...refs];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (name in schemas) continue;
    const schema = spec.components.schemas[name];
    if (schema === undefined) throw new Error(`Zendesk's spec has no component schema ${name}`);
    const found = new Set<string>();
    schemas[name] = stripSchema(schema, found);
    for (const ref of found) if (!(ref in schemas)) queue.push(ref);
  }
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
  return {
    openapi: spec.openapi,
    info: { title: spec.info?.title ?? 'Support API', version: spec.info?.version ?? '', 'x-derived-from': 'zendesk/oas.yaml by scripts/derive-zendesk-contract.ts' },
    paths,
    components: { schemas: sorted },
  };
}

/** operationId, the JSON request schema, and each response status with its JSON schema (or none). */
function operation(op: Json, refs: Set<string>): Json {
  const out: Json = {};
  if (typeof op.operationId === 'string') out.operationId = op.operationId;
  if (isObject(op.requestBody)) out.requestBody = { content: jsonContent(op.requestBody, refs) };
  const responses: Json = {};
  for (const [status, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    responses[status] = isObject(response) && isObject(response.content) ? { content: jsonContent(response, refs) } : {};
  }
  out.responses = responses;
  return out;
}

function jsonContent(holder: Json, refs: Set<string>): Json {
  const content = isObject(holder.content) ? holder.content : {};
  const json = content['application/json'];
  if (!isObject(json)) return {};
  return { 'application/json': json.schema === undefined ? {} : { schema: stripSchema(json.schema, refs) } };
}

/** A schema without prose; `$ref` targets are recorded in `refs`. Property maps keep every name. */
function stripSchema(node: unknown, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => stripSchema(n, refs));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      const name = /^#\/components\/schemas\/(.+)$/.exec(value)?.[1];
      if (name) refs.add(name);
      out[key] = value;
    } else if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, prop]) => [name, stripSchema(prop, refs)]));
    } else if (key === 'items' || key === 'not' || key === 'additionalProperties' || COMBINATORS.has(key)) {
      out[key] = stripSchema(value, refs);
    } else {
      out[key] = structuredClone(value);
    }
  }
  return out;
}

function collectRefs(node: unknown, refs: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, refs));
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = /^#\/components\/schemas\/(.+)$/.exec(value)?.[1];
        if (name) refs.add(name);
      } else collectRefs(value, refs);
    }
  }
}

/** The committed file's text: stable (the spec's own key order, sorted schemas), one trailing newline. */
export function formatContract(contract: DerivedContract): string {
  return `${JSON.stringify(contract, null, 2)}\n`;
}
