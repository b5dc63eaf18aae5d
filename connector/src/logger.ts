/**
 * One pino logger. Secrets and personal data are redacted at the logger, so a careless
 * log call cannot leak them: known secret keys by path, and e-mail addresses in messages.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACT_PATHS = [
  'secret', '*.secret', 'token', '*.token', 'apiToken', '*.apiToken', 'password', '*.password',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
  'headers["x-zendesk-webhook-signature"]', 'body', '*.body', 'email', '*.email', 'text', '*.text',
];

export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'baton' },
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination,
  );
}

/** A logger that writes nothing, for tests and quiet CLI runs. */
export const silentLogger: Logger = pino({ level: 'silent' });
