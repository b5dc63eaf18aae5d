/** Waiting on a condition in resilience tests: poll, never sleep a fixed time and hope. */
export async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000, everyMs = 50): Promise<void> {
  for (let t = 0; t < ms; t += everyMs) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
