/**
 * What someone sees when the connector cannot help. An agent gets one line saying Baton is
 * unavailable and to tell their admin: Admin Center paths and secret names mean nothing to
 * them. An admin gets the details: which problem (not set up, unreachable, too slow,
 * refused, failed), the URL the app tried, and what to check.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { Code } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { REQUEST_TIMEOUT_MS, type ConnectorError } from '../api/connector';
import { useI18n } from '../i18n/TranslationProvider';
import { useIsAdmin } from '../zaf/useIsAdmin';

const Checks = styled.ul`
  margin: ${(p) => p.theme.space.xxs} 0;
  padding-left: ${(p) => p.theme.space.md};
`;

const CHECKS: Record<string, string[]> = {
  unreachable: ['error.check_url', 'error.check_running'],
  timeout: ['error.check_running', 'error.check_logs'],
  not_configured: ['error.check_url'],
  auth: ['error.check_secret'],
  server: ['error.check_logs'],
};

export function ConnectorProblem({ error, url, onRetry }: { error: ConnectorError; url: string; onRetry?: () => void }) {
  const { t } = useI18n();
  const admin = useIsAdmin();
  const kind = error.kind === 'not_found' || error.kind === 'conflict' || error.kind === 'invalid' ? 'server' : error.kind;
  const retry = onRetry && (
    <Button size="small" onClick={onRetry}>
      {t('error.retry')}
    </Button>
  );
  if (!admin)
    return (
      <Alert type="warning" role="alert" data-testid="connector-problem" data-kind={kind} data-audience="agent">
        <Alert.Paragraph>{t('error.agent_line')}</Alert.Paragraph>
        {retry}
      </Alert>
    );
  const detail =
    kind === 'unreachable' ? t('error.unreachable.body', { url: url || '—' }) : kind === 'timeout' ? t('error.timeout.body', { seconds: REQUEST_TIMEOUT_MS / 1000 }) : kind === 'not_configured' ? t('error.not_configured.body') : error.message;
  return (
    <Alert type={kind === 'server' ? 'warning' : 'error'} role="alert" data-testid="connector-problem" data-kind={kind} data-audience="admin">
      <Alert.Title>{t(`error.${kind}.title`)}</Alert.Title>
      <Alert.Paragraph>{detail}</Alert.Paragraph>
      {url && kind !== 'not_configured' && (
        <Alert.Paragraph>
          <Code size="small">{url}</Code>
        </Alert.Paragraph>
      )}
      <Alert.Paragraph>{t('error.check')}</Alert.Paragraph>
      <Checks>
        {(CHECKS[kind] ?? CHECKS.server!).map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </Checks>
      {retry}
    </Alert>
  );
}
