/**
 * Turns an OpenAPI 3.0 schema into a self-contained JSON Schema (draft 2019-09) that ajv can
 * compile:
 * - `$ref`s to components are inlined (a schema reached again inside itself becomes `{}`, so
 *   recursive structures stay finite), and siblings of `$ref` are ignored as OpenAPI 3.0 says;
 * - `nullable: true` becomes a `null` type / enum member (ajv's own `nullable` does not add
 *   null to an `enum`);
 * - OpenAPI-only annotations are dropped.
 *
 * In request mode the result is strict: every object schema that declares properties or
 * combines sub-schemas rejects fields the spec does not define (`unevaluatedProperties: false`,
 * which also sees the properties of allOf/anyOf/oneOf branches, unlike additionalProperties),
 * and read-only properties are removed so a client cannot send them. Schemas that say
 * `additionalProperties` themselves keep what they say.
 */

export type Mode = 'request' | 'response';
type Json = Record<string, unknown>;

const DROPPED = new Set(['example', 'examples', 'description', 'xml', 'externalDocs', 'deprecated', 'discriminator', 'nullable', 'readOnly', 'writeOnly', 'title']);
const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

export interface TransformContext {
  mode: Mode;
  /** Resolves '#/components/schemas/Name' to [name, schema]; undefined when unknown. */
  resolveRef(ref: string): [string, unknown] | undefined;
}

interface Walk {
  ctx: TransformContext;
  stack: string[];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function toJsonSchema(schema: unknown, ctx: TransformContext): Json {
  return convert(schema, { ctx, stack: [] }, false);
}

/** Follows `$ref` chains; returns the target schema and the component names entered. */
function deref(node: unknown, walk: Walk): { node: unknown; entered: string[]; cyclic: boolean } {
  const entered: string[] = [];
  let current = node;
  while (isObject(current) && typeof current.$ref === 'string') {
    const resolved = walk.ctx.resolveRef(current.$ref);
    if (!resolved) throw new Error(`Unresolvable $ref ${current.$ref}`);
    const [name, target] = resolved;
    if (walk.stack.includes(name) || entered.includes(name)) return { node: {}, entered, cyclic: true };
    entered.push(name);
    current = target;
  }
  return { node: current, entered, cyclic: false };
}

function isReadOnly(node: unknown, walk: Walk): boolean {
  if (isObject(node) && node.readOnly === true) return true;
  const { node: target } = deref(node, walk);
  return isObject(target) && target.readOnly === true;
}

function convert(raw: unknown, walk: Walk, inCombinator: boolean): Json {
  const { node, entered, cyclic } = deref(raw, walk);
  if (cyclic || !isObject(node)) return {};
  const inner: Walk = { ctx: walk.ctx, stack: [...walk.stack, ...entered] };
  const strict = walk.ctx.mode === 'request';
  const out: Json = {};

  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties' && isObject(value)) {
      const props: Json = {};
      for (const [name, prop] of Object.entries(value)) {
        if (strict && isReadOnly(prop, inner)) continue;
        props[name] = convert(prop, inner, false);
      }
      out.properties = props;
    } else if (key === 'items' || key === 'not') {
      out[key] = convert(value, inner, false);
    } else if (key === 'additionalProperties') {
      out[key] = isObject(value) ? convert(value, inner, false) : value;
    } else if ((COMBINATORS as readonly string[]).includes(key) && Array.isArray(value)) {
      out[key] = value.map((member) => convert(member, inner, true));
    } else if (key === 'required' && Array.isArray(value)) {
      // A read-only property cannot be required of a request that may not contain it.
      const props = isObject(node.properties) ? node.properties : {};
      const kept = strict ? value.filter((name) => typeof name === 'string' && !(isObject(props[name]) && isReadOnly(props[name], inner))) : value;
      if (kept.length > 0) out.required = kept;
    } else {
      out[key] = structuredClone(value);
    }
  }

  if (node.nullable === true) applyNullable(out);
  if (strict && !inCombinator && out.additionalProperties === undefined && declaresShape(out)) {
    out.unevaluatedProperties = false;
  }
  // `nullable` without a type (e.g. on a oneOf) can only be expressed by a union with null.
  return node.nullable === true && out.type === undefined && out.enum === undefined ? { anyOf: [out, { type: 'null' }] } : out;
}

function declaresShape(schema: Json): boolean {
  if (isObject(schema.properties)) return true;
  return COMBINATORS.some((key) => Array.isArray(schema[key]) && (schema[key] as unknown[]).some((m) => isObject(m) && (isObject(m.properties) || COMBINATORS.some((k) => k in m))));
}

function applyNullable(schema: Json): void {
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  else if (Array.isArray(schema.type) && !schema.type.includes('null')) schema.type = [...schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}
