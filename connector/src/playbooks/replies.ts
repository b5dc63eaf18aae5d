/**
 * Reply templates an admin edits (connector/policy/replies.yaml), validated at start-up:
 * every reply has English; other languages are used when the customer writes in them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { BatonError } from '../errors.js';

export const DEFAULT_REPLIES_PATH = fileURLToPath(new URL('../../policy/replies.yaml', import.meta.url));

const schema = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'expected an intent name' }),
  z
    .record(z.string().regex(/^[a-z]{2}$/, { error: 'expected a two-letter language code' }), z.string().min(1, { error: 'expected the reply text' }))
    .refine((byLang) => typeof byLang.en === 'string', { error: 'expected an English (en) version' }),
);

export type Replies = z.infer<typeof schema>;

/** The reply key for "thanks, that fixed it" (the ticket is then solved). Optional: without it Baton solves silently. */
export const RESOLUTION_REPLY = 'resolution_confirmed';

export function loadReplies(path: string = DEFAULT_REPLIES_PATH): Replies {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new BatonError('POLICY_INVALID', `Cannot read reply templates ${path}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  replies.${i.path.map(String).join('.')}: ${i.message}`);
    throw new BatonError('POLICY_INVALID', `Reply templates ${path} are invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The reply for an intent in the language (falling back to English), or undefined. */
export function renderReply(replies: Replies, intent: string, lang: string, vars: { first_name: string }): string | undefined {
  const byLang = replies[intent];
  const text = byLang?.[lang] ?? byLang?.en;
  return text?.replace(/\{first_name\}/g, vars.first_name).trimEnd();
}
