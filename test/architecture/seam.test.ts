/**
 * The helpdesk seam holds: outside the provider adapters (helpdesk/<provider>/,
 * intake/<provider>/), the sandbox and the demo, no file names a provider's types or writes
 * an API path; triage imports no use case; and no two modules import each other, however
 * indirectly. Each check is first shown to catch a known-bad snippet.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, providerLeaks, readSources, relativeImports, resolveImport, type SourceFile } from './seam-scan.js';

const ROOT = path.join(import.meta.dirname, '../../connector/src');
const sources = readSources(ROOT);

/** Where provider knowledge may live: the adapters, and the tools beside the house. */
const PROVIDER_AREAS = [/^helpdesk\/[^/]+\//, /^intake\/[^/]+\//, /^sandbox\//, /^demo\//];
/** The two composition points that choose adapters from the configuration (and only do that). */
const COMPOSITION = new Set(['helpdesk/open.ts', 'intake/adapters.ts']);
const mayKnowProviders = (rel: string) => PROVIDER_AREAS.some((re) => re.test(rel)) || COMPOSITION.has(rel);

/** Folders triage must not import: it knows no helpdesk and no use case. */
const ABOVE_TRIAGE = ['handoff/', 'pipeline/', 'playbooks/', 'helpdesk/', 'intake/', 'sidebar-api/', 'admin/', 'cli/'];
function triageImportsAbove(files: SourceFile[]): string[] {
  return files
    .filter((f) => f.rel.startsWith('triage/'))
    .flatMap((f) => relativeImports(f).map((s) => ({ from: f.rel, to: resolveImport(f.rel, s) })))
    .filter(({ to }) => ABOVE_TRIAGE.some((dir) => to.startsWith(dir)))
    .map(({ from, to }) => `${from} → ${to}`);
}

const file = (rel: string, text: string): SourceFile => ({ rel, text });

describe('the scanner catches what it is meant to', () => {
  it('finds provider types and API paths in a bad file', () => {
    const bad = file('handoff/bad.ts', "import type { ZdTicket } from '../helpdesk/zendesk/types.js';\nconst g: ZendeskGateway = x;\nawait g.request('GET', `/api/v2/tickets/${id}`);\nlet f: FdContact;");
    expect(providerLeaks(bad).map((l) => `${l.line}:${l.text}`)).toEqual(['1:ZdTicket', '2:ZendeskGateway', '3:/api/v2/', '4:FdContact']);
    expect(providerLeaks(file('handoff/fine.ts', "import type { HelpdeskTicket } from '../helpdesk/port.js';\n// Zendesk takes one comment per update"))).toEqual([]);
  });

  it('finds a triage import of a use case, type-only included', () => {
    expect(triageImportsAbove([file('triage/signals/x.ts', "import type { HandoffConfig } from '../../handoff/config.js';")])).toEqual(['triage/signals/x.ts → handoff/config.ts']);
  });

  it('finds a cycle through type-only imports and re-exports', () => {
    const cyclic = [
      file('playbooks/index.ts', "import { howToReply } from './how-to.js';"),
      file('playbooks/how-to.ts', "import type { PlaybookContext } from './types.js';"),
      file('playbooks/types.ts', "export type { X } from './index.js';"),
      file('playbooks/replies.ts', "import { z } from 'zod';"),
    ];
    expect(importCycles(cyclic)).toEqual([['playbooks/index.ts', 'playbooks/how-to.ts', 'playbooks/types.ts']]);
    expect(importCycles(cyclic.slice(0, 2))).toEqual([]);
  });
});

describe('the helpdesk seam in connector/src', () => {
  it('reads the source tree', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.some((f) => f.rel === 'helpdesk/port.ts')).toBe(true);
  });

  it('names no provider type and writes no API path outside the adapters, the sandbox and the demo', () => {
    const leaks = sources.filter((f) => !mayKnowProviders(f.rel)).flatMap(providerLeaks);
    expect(leaks.map((l) => `${l.file}:${l.line} ${l.text}`)).toEqual([]);
  });

  it('keeps triage free of the helpdesk and the use cases', () => {
    expect(triageImportsAbove(sources)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(importCycles(sources).map((c) => c.join(' → '))).toEqual([]);
  });
});
