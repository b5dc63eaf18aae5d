/**
 * Static checks of connector/src for the helpdesk seam: which files name a provider's types
 * or API paths, what a folder imports, and import cycles. Plain text scanning over relative
 * imports: small, and enough for a code base that only imports relatively.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  /** Path relative to the source root, with forward slashes. */
  rel: string;
  text: string;
}

export function readSources(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) out.push({ rel: path.relative(root, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

/** Provider types and classes: Zendesk's `Zd*` objects and gateway/adapter classes, Freshdesk's `Fd*`. */
const PROVIDER_TYPE = /\b(?:Zd|Fd)[A-Z]\w*|\b(?:Zendesk|Freshdesk)(?:Gateway|Helpdesk|Reports)\b/g;
/** A helpdesk REST path (both Zendesk's and Freshdesk's APIs live under /api/v2/). */
const API_PATH = /\/api\/v2\//g;

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Where a file names a provider type or writes an API path. */
export function providerLeaks(file: SourceFile): Finding[] {
  const out: Finding[] = [];
  file.text.split('\n').forEach((line, i) => {
    for (const m of [...line.matchAll(PROVIDER_TYPE), ...line.matchAll(API_PATH)]) out.push({ file: file.rel, line: i + 1, text: m[0] });
  });
  return out;
}

/** Relative import specifiers of a file (static imports and re-exports, type-only included). */
export function relativeImports(file: SourceFile): string[] {
  const specs = [...file.text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  const bare = [...file.text.matchAll(/(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return [...specs, ...bare];
}

/** `pipeline/timers.ts` + `../jobs/queue.js` → `jobs/queue.ts`. */
export function resolveImport(fromRel: string, spec: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec));
  return joined.replace(/\.js$/, '.ts');
}

/** Every import cycle, each once, as the list of files around it. */
export function importCycles(files: SourceFile[]): string[][] {
  const known = new Set(files.map((f) => f.rel));
  const graph = new Map(files.map((f) => [f.rel, relativeImports(f).map((s) => resolveImport(f.rel, s)).filter((t) => known.has(t))]));
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join(' ');
        if (!cycles.has(key)) cycles.set(key, cycle);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const f of [...graph.keys()]) if (!state.has(f)) visit(f);
  return [...cycles.values()];
}
