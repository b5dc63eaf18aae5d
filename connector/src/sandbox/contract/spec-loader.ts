/**
 * Finds and parses the Zendesk API contract: by default the part of Zendesk's OpenAPI file
 * the sandbox and tests use, committed as connector/contract/zendesk-api.json (derive.ts), so
 * a clone without ../shared has it; the full Support API file (../shared/zendesk/oas.yaml, see
 * shared/zendesk/SOURCE.md) when it is asked for by path. Each file is parsed once per process
 * and shared by every sandbox and every test in that process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BatonError } from '../../errors.js';

/** The parts of an OpenAPI 3.0 document the contract validator reads. */
export interface OpenApiOperation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
export type OpenApiPathItem = Record<string, OpenApiOperation | unknown>;
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, OpenApiPathItem>;
  components: { schemas: Record<string, unknown>; examples?: Record<string, { value?: unknown }> };
}

/** Walks up from `startDir` to the npm-workspaces root (the package.json with "workspaces"). */
export function findRepoRoot(startDir: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = startDir;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        const json = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { workspaces?: unknown };
        if (json.workspaces) return dir;
      } catch {
        // An unreadable package.json is not the root; keep walking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new BatonError('CONFIG_INVALID', `No workspace root (package.json with "workspaces") above ${startDir}`);
    dir = parent;
  }
}

/** The shared reference directory: $BATON_SHARED_DIR, else ../shared next to the repository. */
export function sharedDir(repoRoot: string = findRepoRoot()): string {
  const fromEnv = process.env.BATON_SHARED_DIR;
  return fromEnv && fromEnv.trim() !== '' ? path.resolve(fromEnv) : path.resolve(repoRoot, '../shared');
}

/** Zendesk's full OpenAPI file in the shared reference folder (absent from a plain clone). */
export function sharedSpecPath(repoRoot?: string): string {
  return path.join(sharedDir(repoRoot), 'zendesk', 'oas.yaml');
}

/** The committed contract derived from it (same place relative to src/ and to a compiled dist/). */
export const DERIVED_CONTRACT_PATH = fileURLToPath(new URL('../../../contract/zendesk-api.json', import.meta.url));

const cache = new Map<string, OpenApiDocument>();

export function loadSpec(specPath: string = DERIVED_CONTRACT_PATH): OpenApiDocument {
  const key = path.resolve(specPath);
  const cached = cache.get(key);
  if (cached) return cached;
  if (!fs.existsSync(key)) {
    throw new BatonError(
      'CONFIG_INVALID',
      `Zendesk API contract not found at ${key}. The repository carries it as connector/contract/zendesk-api.json (npm run contract:derive rewrites it from zendesk/oas.yaml).`,
    );
  }
  const text = fs.readFileSync(key, 'utf8');
  // The YAML spec uses anchors heavily; lift the alias limit meant for untrusted input.
  const doc = (key.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 })) as OpenApiDocument;
  if (!doc || typeof doc !== 'object' || !doc.paths || !doc.components?.schemas) {
    throw new BatonError('CONFIG_INVALID', `${key} is not an OpenAPI document with paths and components.schemas`);
  }
  cache.set(key, doc);
  return doc;
}
