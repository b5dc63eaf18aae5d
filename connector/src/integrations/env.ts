/**
 * Shared reading of integration settings from the environment: zod schemas whose issues
 * are reported the way the connector's own config is ("NAME (got "x"): what to do"),
 * one message for every wrong variable, secrets never echoed.
 */
import { z } from 'zod';
import { BatonError } from '../errors.js';

export type EnvLike = Record<string, string | undefined>;

/** Unset and blank are the same: absent. */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const optionalUrl = optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/i.test(v), 'must be an http:// or https:// URL');

export const positiveMs = (fallback: number) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) {
      ctx.addIssue({ code: 'custom', message: 'must be a whole number of milliseconds greater than 0' });
      return z.NEVER;
    }
    return n;
  });

export function parseEnv<S extends z.ZodTypeAny>(schema: S, env: EnvLike, what: string): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const got = env[name];
    const shown = got === undefined || got === '' ? '' : ` (got "${/SECRET|TOKEN|KEY|PASSWORD/.test(name) ? '***' : got}")`;
    return `  ${name}${shown}: ${issue.message}`;
  });
  throw new BatonError('CONFIG_INVALID', `${what} configuration is invalid:\n${lines.join('\n')}`, {
    details: { variables: parsed.error.issues.map((i) => i.path.join('.')) },
  });
}

/** Adds "NAME: message" as an issue on that variable (for cross-variable rules). */
export function requireVar(ctx: z.RefinementCtx, name: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: [name], message });
}

/**
 * Cross-variable rules run even when a single variable is already wrong, so one start-up
 * error lists every problem (zod skips refinements after an aborting issue by default).
 */
export const EVEN_WITH_OTHER_ISSUES = { when: () => true };
