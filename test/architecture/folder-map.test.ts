/**
 * The README's folder map is how a newcomer finds where a rule lives: every folder of the
 * connector's source, and every top-level folder of the repository, must be named in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const map = readme.slice(readme.indexOf('## Folder map'));
const dirs = (dir: string) => fs.readdirSync(path.join(root, dir), { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules').map((d) => d.name);

describe('the README folder map', () => {
  it('is there', () => {
    expect(readme).toContain('## Folder map');
  });

  it('names every folder of connector/src', () => {
    const missing = dirs('connector/src').filter((d) => !map.includes(`connector/src/${d}/`));
    expect(missing).toEqual([]);
  });

  it('names every top-level folder of the repository that is committed', () => {
    // Build output and local data are not part of the tree a clone has.
    const local = new Set(['data', 'tmp', 'test-artifacts', 'dist']);
    const missing = dirs('.').filter((d) => !local.has(d) && !map.includes(`\`${d}/`));
    expect(missing).toEqual([]);
  });
});
