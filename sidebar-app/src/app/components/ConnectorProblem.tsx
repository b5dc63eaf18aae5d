/**
 * What the agent sees when the connector cannot help: which problem (not set up,
 * unreachable, refused, failed), the URL the app tried, and what an admin should check.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { Code } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { ConnectorError } from '../api/connector';
import { useI18n } from '../i18n/TranslationProvider';

const Checks = styled.ul`
  margin: ${(p) => p.theme.space.xxs} 0;
  padding-left: ${(p) => p.theme.space.md};
`;

export function ConnectorProblem({ error, url, onRetry }: { error: ConnectorError; url: string; onRetry?: () => void }) {
  const { t } = useI18n();
  const kind = error.kind === 'not_found' || error.kind === 'conflict' || error.kind === 'invalid' ? 'server' : error.kind;
  const checks =
    kind === 'unreachable' ? ['error.check_url', 'error.check_running'] : kind === 'not_configured' ? ['error.check_url'] : kind === 'auth' ? ['error.check_secret'] : ['error.check_logs'];
  return (
    <Alert type={kind === 'server' ? 'warning' : 'error'} role="alert" data-testid="connector-problem" data-kind={kind}>
      <Alert.Title>{t(`error.${kind}.title`)}</Alert.Title>
      <Alert.Paragraph>
        {kind === 'unreachable' ? t('error.unreachable.body', { url: url || '—' }) : kind === 'not_configured' ? t('error.not_configured.body') : error.message}
      </Alert.Paragraph>
      {url && kind !== 'not_configured' && (
        <Alert.Paragraph>
          <Code size="small">{url}</Code>
        </Alert.Paragraph>
      )}
      <Alert.Paragraph>{t('error.check')}</Alert.Paragraph>
      <Checks>
        {checks.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </Checks>
      {onRetry && (
        <Button size="small" onClick={onRetry}>
          {t('error.retry')}
        </Button>
      )}
    </Alert>
  );
}
