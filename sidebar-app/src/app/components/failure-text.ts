/**
 * A failed action in one sentence of the agent's language: the connector answers a code
 * (and, for a refused return, why), the app says it. The connector's English message is
 * only shown when the app has no words for the code (a newer connector than the app).
 */
import type { ConnectorError } from '../api/connector';
import type { Translator } from '../i18n/translator';

export function failureText(err: ConnectorError, { t, has }: Pick<Translator, 't' | 'has'>): string {
  const reason = err.params?.reason;
  if (err.code === 'NOT_HANDED_OFF' && typeof reason === 'string' && has(`return_block.${reason}`)) return t(`return_block.${reason}`);
  if (err.code && has(`error.code.${err.code}`)) return t(`error.code.${err.code}`);
  if (err.kind === 'unreachable' || err.kind === 'timeout') return t(`error.${err.kind}.title`);
  return err.message;
}
