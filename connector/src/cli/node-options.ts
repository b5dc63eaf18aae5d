/**
 * The Node options the connector runs with, in one place: the `baton` bin's first line, `npm run
 * demo` and the README's systemd unit carry them as text (test/cli/node-options.test.ts checks that
 * they agree with this list); the test helpers that start `baton serve` and the benches pass
 * them from here.
 *
 * --v8-pool-size=0: V8's background threads (optimising compiler, garbage-collection helpers)
 * sized to the machine, one fewer than its cores and at least one (Node.js CLI docs,
 * `--v8-pool-size`; nodejs/node#45513), instead of Node's fixed four. On a two-core host those
 * four, busy while the JIT compiles the code paths of the first few thousand messages after a
 * start, took the event loop's core for whole scheduler ticks (4 ms each): most of triage's slowest
 * 1% right after a start were such waits (bench/triage.ts times both settings).
 */
export const NODE_RUNTIME_FLAGS: readonly string[] = ['--v8-pool-size=0'];

const optionName = (flag: string) => flag.split('=')[0]!;

/**
 * The connector's options this process was started without. An option given with another
 * value (`--v8-pool-size=2`) counts as given: the operator chose it.
 */
export function missingNodeOptions(execArgv: readonly string[], nodeOptionsEnv = ''): string[] {
  const given = new Set([...execArgv, ...nodeOptionsEnv.split(/\s+/)].filter(Boolean).map(optionName));
  return NODE_RUNTIME_FLAGS.filter((flag) => !given.has(optionName(flag)));
}
