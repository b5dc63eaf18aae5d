/**
 * Validates request and response bodies against Zendesk's OpenAPI spec (plus the
 * documentation-derived schemas in extra-schemas.ts). Requests are strict — a field the spec
 * does not define is an error — because a client that sends it is coding against a Zendesk
 * that does not exist. Responses are checked as the spec is written.
 *
 * Compiled validators are cached per operation, direction and status.
 */
import path from 'node:path';
import { Ajv2019, type ErrorObject, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsImport from 'ajv-formats';
import { applyErrata } from './errata.js';
import { EXTRA_OPERATIONS, ZENDESK_ERROR_BODY, type HttpMethod } from './extra-schemas.js';
import { normalizeApiPath, PathMatcher } from './path-matcher.js';
import { toJsonSchema, type Mode } from './schema-transform.js';
import { DERIVED_CONTRACT_PATH, loadSpec, type OpenApiDocument, type OpenApiOperation } from './spec-loader.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object's type.
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;

export interface ContractIssue {
  /** JSON pointer of the offending value, e.g. /ticket/additional_tags. */
  pointer: string;
  /** The unknown or invalid field's name, when the problem is one field. */
  field?: string;
  message: string;
}

export interface ContractResult {
  valid: boolean;
  /** False when neither the spec nor extra-schemas describes this method + path (+ status). */
  known: boolean;
  source: 'zendesk-oas' | 'zendesk-docs' | 'none';
  operationId?: string;
  pathTemplate?: string;
  issues: ContractIssue[];
}

interface ResolvedOperation {
  operationId: string;
  pathTemplate: string;
  source: 'zendesk-oas' | 'zendesk-docs';
  requestSchema?: unknown;
  /** False when the operation declares no request body at all. */
  hasRequestBody: boolean;
  responses: Record<string, unknown>;
}

const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export class ZendeskContract {
  private readonly schemas: Record<string, unknown>;
  private readonly matcher: PathMatcher;
  private readonly ajv: Ajv2019;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDocument) {
    this.schemas = applyErrata(doc.components.schemas);
    this.matcher = new PathMatcher([...Object.keys(doc.paths), ...Object.keys(EXTRA_OPERATIONS)]);
    this.ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    // Formats the spec uses that are not JSON Schema formats: accepted as plain values.
    for (const name of ['datetime', 'integer', 'string', 'text']) this.ajv.addFormat(name, true);
  }

  findOperation(method: string, path: string): ResolvedOperation | undefined {
    const m = method.toLowerCase() as HttpMethod;
    if (!METHODS.includes(m)) return undefined;
    const template = this.matcher.match(path);
    if (!template) return undefined;
    const fromSpec = this.doc.paths[template]?.[m] as OpenApiOperation | undefined;
    if (fromSpec) {
      const body = fromSpec.requestBody?.content?.['application/json'];
      const responses: Record<string, unknown> = {};
      for (const [status, response] of Object.entries(fromSpec.responses ?? {})) {
        const schema = response?.content?.['application/json']?.schema;
        responses[status] = schema ?? null;
      }
      return {
        operationId: fromSpec.operationId ?? `${m} ${template}`,
        pathTemplate: template,
        source: 'zendesk-oas',
        requestSchema: body?.schema,
        hasRequestBody: fromSpec.requestBody !== undefined,
        responses,
      };
    }
    const extra = EXTRA_OPERATIONS[template]?.[m];
    if (!extra) return undefined;
    return {
      operationId: extra.operationId,
      pathTemplate: template,
      source: 'zendesk-docs',
      requestSchema: extra.requestBody,
      hasRequestBody: extra.requestBody !== undefined,
      responses: extra.responses,
    };
  }

  validateRequestBody(method: string, path: string, body: unknown): ContractResult {
    const op = this.findOperation(method, path);
    if (!op) return unknown(method, path);
    const base = { known: true, source: op.source, operationId: op.operationId, pathTemplate: op.pathTemplate } as const;
    const empty = body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
    if (op.requestSchema === undefined) {
      // A body declared without a JSON schema cannot be checked; an undeclared one must be empty.
      if (op.hasRequestBody || empty) return { ...base, valid: true, issues: [] };
      return { ...base, valid: false, issues: [{ pointer: '', message: `${op.operationId} takes no request body` }] };
    }
    return this.run(`req:${op.pathTemplate}:${method}`, op.requestSchema, 'request', body ?? {}, base);
  }

  validateResponseBody(method: string, path: string, status: number, body: unknown): ContractResult {
    const op = this.findOperation(method, path);
    if (!op) return unknown(method, path);
    const base = { known: true, source: op.source, operationId: op.operationId, pathTemplate: op.pathTemplate } as const;
    const key = String(status);
    const declared = op.responses[key] ?? op.responses[`${key[0]}XX`] ?? op.responses.default;
    if (declared === undefined) {
      if (status >= 400) return this.run(`err`, ZENDESK_ERROR_BODY, 'response', body, { ...base, source: 'zendesk-docs' });
      return { ...base, valid: false, known: false, issues: [{ pointer: '', message: `${op.operationId} does not document status ${status}` }] };
    }
    if (declared === null) {
      // Documented without a JSON body (e.g. 204): nothing may be sent.
      const empty = body === undefined || body === '' || body === null;
      return { ...base, valid: empty, issues: empty ? [] : [{ pointer: '', message: `status ${status} of ${op.operationId} has no body` }] };
    }
    return this.run(`res:${op.pathTemplate}:${method}:${key}`, declared, 'response', body, base);
  }

  private run(
    cacheKey: string,
    schema: unknown,
    mode: Mode,
    body: unknown,
    base: Omit<ContractResult, 'valid' | 'issues'>,
  ): ContractResult {
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      const jsonSchema = toJsonSchema(schema, { mode, resolveRef: (ref) => this.resolveRef(ref) });
      validate = this.ajv.compile(jsonSchema);
      this.compiled.set(cacheKey, validate);
    }
    const valid = validate(body) === true;
    return { ...base, valid, issues: valid ? [] : toIssues(validate.errors ?? []) };
  }

  private resolveRef(ref: string): [string, unknown] | undefined {
    const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!match?.[1]) return undefined;
    const schema = this.schemas[match[1]];
    return schema === undefined ? undefined : [match[1], schema];
  }
}

function unknown(method: string, path: string): ContractResult {
  return {
    valid: false,
    known: false,
    source: 'none',
    issues: [{ pointer: '', message: `No Zendesk operation for ${method.toUpperCase()} ${normalizeApiPath(path)} in the spec or extra-schemas` }],
  };
}

function toIssues(errors: ErrorObject[]): ContractIssue[] {
  const seen = new Set<string>();
  const issues: ContractIssue[] = [];
  for (const err of errors) {
    let issue: ContractIssue;
    if (err.keyword === 'unevaluatedProperties' || err.keyword === 'additionalProperties') {
      const field = String((err.params as { unevaluatedProperty?: string; additionalProperty?: string }).unevaluatedProperty ?? (err.params as { additionalProperty?: string }).additionalProperty);
      issue = { pointer: `${err.instancePath}/${field}`, field, message: `unknown field "${field}" at ${err.instancePath || '/'} (not in Zendesk's spec)` };
    } else if (err.keyword === 'required') {
      const field = String((err.params as { missingProperty?: string }).missingProperty);
      issue = { pointer: `${err.instancePath}/${field}`, field, message: `missing required field "${field}" at ${err.instancePath || '/'}` };
    } else if (err.keyword === 'enum') {
      const allowed = (err.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      issue = { pointer: err.instancePath, field: lastSegment(err.instancePath), message: `${err.instancePath || '/'} must be one of ${JSON.stringify(allowed)}` };
    } else {
      issue = { pointer: err.instancePath, field: lastSegment(err.instancePath), message: `${err.instancePath || '/'} ${err.message ?? err.keyword}` };
    }
    const dedupe = `${issue.pointer}|${issue.message}`;
    if (!seen.has(dedupe)) {
      seen.add(dedupe);
      issues.push(issue);
    }
  }
  return issues;
}

function lastSegment(pointer: string): string | undefined {
  const seg = pointer.split('/').pop();
  return seg === undefined || seg === '' ? undefined : seg;
}

const contracts = new Map<string, ZendeskContract>();

/** The contract for a spec file (default: the committed connector/contract/zendesk-api.json), built once per process. */
export function loadContract(specPath: string = DERIVED_CONTRACT_PATH): ZendeskContract {
  const key = path.resolve(specPath);
  const doc = loadSpec(key);
  let contract = contracts.get(key);
  if (!contract) {
    contract = new ZendeskContract(doc);
    contracts.set(key, contract);
  }
  return contract;
}
