/**
 * Edit a YAML file in place, byte for byte everywhere except the value changed. The YAML
 * Document API finds the node (and keeps comments), but re-printing the whole document also
 * re-spaces aligned values, `[a, b]` lists and comment columns, which turns a one-value change
 * into a diff of dozens of lines. So the change is spliced into the original text at the
 * node's source range; the caller checks the result parses to the same data as the Document
 * edit, and falls back to the Document's own output when a case here does not apply.
 */
import { isMap, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

export type PathKey = string | number;
type Scalar = string | number | boolean;

/** A plain scalar when YAML reads it back as the same string, else a double-quoted one. */
export function formatScalar(v: Scalar): string {
  if (typeof v !== 'string') return String(v);
  const plainSafe = /^[A-Za-z_][A-Za-z0-9_ .-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(v) && !/\s$/.test(v);
  // YAML 1.2 reads `off`/`on` as strings, but quoting keeps the file unambiguous for 1.1 readers too.
  return plainSafe ? v : JSON.stringify(v);
}

function nodeAt(doc: Document, path: PathKey[]): Node | undefined {
  return (path.length === 0 ? doc.contents : doc.getIn(path, true)) as Node | undefined;
}

const lineEnd = (text: string, at: number) => {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
};

/** Column of the first character of the line holding `at`'s key (the map's indentation). */
function indentOf(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return ' '.repeat(at - start);
}

/** Set `path` (a map key at the end) to a scalar; null when this case is not handled. */
export function spliceSet(text: string, doc: Document, path: PathKey[], value: Scalar): string | null {
  const existing = nodeAt(doc, path);
  if (existing) {
    if (!isScalar(existing) || !existing.range) return null;
    return text.slice(0, existing.range[0]) + formatScalar(value) + text.slice(existing.range[1]);
  }
  const parent = nodeAt(doc, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!isMap(parent) || !parent.range || typeof key !== 'string') return null;
  const entry = `${formatScalar(key)}: ${formatScalar(value)}`;
  const items = (parent as YAMLMap).items as Pair<Node, Node>[];
  const last = items[items.length - 1];
  if (parent.flow) {
    if (!last) {
      const close = text.lastIndexOf('}', parent.range[1]);
      return close < parent.range[0] ? null : `${text.slice(0, parent.range[0])}{ ${entry} }${text.slice(close + 1)}`;
    }
    const end = (last.value ?? last.key)?.range?.[1];
    return end === undefined ? null : `${text.slice(0, end)}, ${entry}${text.slice(end)}`;
  }
  const firstKey = items[0]?.key?.range?.[0];
  const lastEnd = (last?.value ?? last?.key)?.range?.[1];
  if (firstKey === undefined || lastEnd === undefined) return null;
  // A nested block value ends on its last line; the new key goes on the line after it.
  const at = lineEnd(text, Math.max(lastEnd - 1, firstKey));
  return `${text.slice(0, at)}\n${indentOf(text, firstKey)}${entry}${text.slice(at)}`;
}

/** Remove the key at `path` from a flow or block map; null when this case is not handled. */
export function spliceDelete(text: string, doc: Document, path: PathKey[]): string | null {
  const parent = nodeAt(doc, path.slice(0, -1));
  const key = path[path.length - 1];
  if (!isMap(parent)) return null;
  const items = (parent as YAMLMap).items as Pair<Node, Node>[];
  const i = items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  const pair = items[i];
  const start = pair?.key?.range?.[0];
  const end = (pair?.value ?? pair?.key)?.range?.[1];
  if (start === undefined || end === undefined) return null;
  if (parent.flow) {
    if (items.length === 1) return parent.range ? `${text.slice(0, parent.range[0])}{}${text.slice(lineEndOfFlow(text, parent.range))}` : null;
    // Take the comma after the pair (or, for the last pair, the one before it).
    if (i < items.length - 1) return text.slice(0, start) + text.slice(items[i + 1]!.key!.range![0]);
    const prevEnd = (items[i - 1]!.value ?? items[i - 1]!.key)!.range![1];
    return text.slice(0, prevEnd) + text.slice(end);
  }
  if (!isScalar(pair!.value)) return null; // nested blocks: leave to the Document
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return text.slice(0, lineStart) + text.slice(Math.min(text.length, lineEnd(text, end) + 1));
}

function lineEndOfFlow(text: string, range: [number, number, number]): number {
  return text.lastIndexOf('}', range[1]) + 1;
}
