import { loadConfig, type Config } from '../../connector/src/config/load.js';

export const TEST_SECRET = 'test-webhook-secret-0123456789';

export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    BATON_WEBHOOK_SECRET: TEST_SECRET,
    ZENDESK_BASE_URL: 'http://127.0.0.1:9',
    ZENDESK_EMAIL: 'baton@example.com',
    ZENDESK_API_TOKEN: 'test-token',
    ZENDESK_RATE_LIMIT_PER_MINUTE: '2500',
    BATON_APP_SHARED_SECRET: 'test-app-shared-secret-0123456789',
    LOG_LEVEL: 'silent',
    ...env,
  });
}
