/**
 * Where a webhook body stops being JSON, without what is there: V8's message quotes the body
 * around the error (personal data, into logs and answers), so only the position is kept.
 */
export function jsonErrorPosition(err: unknown): string {
  const at = /position (\d+)/.exec((err as Error).message)?.[1];
  return at ? ` (error at character ${at})` : '';
}
