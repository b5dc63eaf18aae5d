/**
 * Safe edits of the policy YAML, shared by calibration (thresholds) and rollout controls:
 *  - an edit is a list of operations (set a value, delete a key) applied with the YAML
 *    Document API, which keeps the admin's comments; the same operations are spliced into the
 *    original text so the rest of the file stays byte for byte (yaml-splice.ts), and the
 *    spliced text is used only when it reads back as exactly the Document's result;
 *  - the edited text is validated with the same loader as at start-up before anything is
 *    written, so a bad change is refused and the file stays as it was;
 *  - the write is atomic (temporary file in the same folder, then rename), so a crash or a
 *    reading connector never sees half a file;
 *  - edits to one file run one at a time in this process, and an edit retries when another
 *    process changed the file between our read and our write.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml, parseDocument, type Document } from 'yaml';
import { BatonError } from '../errors.js';
import { loadPolicy, parsePolicyYaml, type Policy } from '../triage/index.js';
import { spliceDelete, spliceSet, type PathKey } from './yaml-splice.js';

export type PolicyOp = { op: 'set'; path: PathKey[]; value: string | number | boolean } | { op: 'delete'; path: PathKey[] };

const queues = new Map<string, Promise<unknown>>();
const MAX_TRIES = 3;

export interface PolicyEdit {
  policy: Policy;
  /** False when the edit left the text as it was. */
  changed: boolean;
}

/** `plan` reads the current policy and document and returns the operations (it may throw to refuse). */
export function editPolicyFile(file: string, plan: (current: Policy, doc: Document) => PolicyOp[]): Promise<PolicyEdit> {
  const key = path.resolve(file);
  const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => editNow(key, plan));
  queues.set(key, run);
  return run;
}

/** The edited text: spliced when that is exactly the Document's result, else the Document's output. */
function applyOps(before: string, ops: PolicyOp[]): string {
  const doc = parseDocument(before);
  let spliced: string | null = before;
  for (const o of ops) {
    if (spliced !== null) spliced = o.op === 'set' ? spliceSet(spliced, parseDocument(spliced), o.path, o.value) : spliceDelete(spliced, parseDocument(spliced), o.path);
    if (o.op === 'set') doc.setIn(o.path, o.value);
    else doc.deleteIn(o.path);
  }
  if (spliced !== null && isDeepStrictEqual(parseYaml(spliced), doc.toJS())) return spliced;
  // lineWidth 0: never re-fold long lines the admin wrote.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function editNow(file: string, plan: (current: Policy, doc: Document) => PolicyOp[]): PolicyEdit {
  for (let attempt = 1; ; attempt++) {
    const before = readFileSync(file, 'utf8');
    const current = parsePolicyYaml(before, file);
    const after = applyOps(before, plan(current, parseDocument(before)));
    parsePolicyYaml(after, `${file} (after the change)`); // throws POLICY_INVALID naming the key
    if (after === before) return { policy: current, changed: false };
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(tmp, after, { mode: statSync(file).mode }); // keep the file's permissions
    if (readFileSync(file, 'utf8') !== before) {
      rmSync(tmp, { force: true });
      if (attempt >= MAX_TRIES) throw new BatonError('BAD_REQUEST', `${file} keeps changing while Baton edits it; try again.`, { status: 409, details: { reason: 'policy_changed' } });
      continue;
    }
    renameSync(tmp, file);
    return { policy: loadPolicy(file), changed: true };
  }
}
