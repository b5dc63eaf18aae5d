/**
 * The order test files start in. Vitest runs files it has timings for longest first, and
 * the others largest first; a fresh checkout (as in CI) has no timings, so the short files
 * that start processes or a browser and then mostly wait (a few lines around a shared
 * helper) would start last and leave one worker running them alone at the end. They start
 * first here, so the quick files fill the other worker meanwhile and the run ends even.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Folders whose files each take tens of seconds, mostly waiting. */
const SLOW_FOLDERS = ['test/resilience/', 'test/browser/'];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const slow = (f: TestSpecification) => SLOW_FOLDERS.some((dir) => path.relative(root, f.moduleId).split(path.sep).join('/').startsWith(dir));
    return [...sorted.filter(slow), ...sorted.filter((f) => !slow(f))];
  }
}
