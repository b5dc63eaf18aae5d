import { describe, expect, it } from 'vitest';
import { loadConfig, loadRetention } from '../../connector/src/config/load.js';

const ok = { BATON_WEBHOOK_SECRET: 'a-long-enough-secret-123' };

function errorOf(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('configuration', () => {
  it('refuses to start without a webhook secret, naming the variable and where to find it', () => {
    const msg = errorOf({});
    expect(msg).toContain('BATON_WEBHOOK_SECRET');
    expect(msg).toMatch(/signing secret/i);
  });

  it('applies the documented defaults', () => {
    const cfg = loadConfig(ok);
    expect(cfg.PORT).toBe(3000);
    expect(cfg.BATON_SQLITE_PATH).toBe('./data/baton.db');
    expect(cfg.ZENDESK_RATE_LIMIT_PER_MINUTE).toBe(200);
    expect(cfg.BATON_REPLAY_WINDOW_SECONDS).toBe(300);
    expect(cfg.BATON_IGNORE_OWN_UPDATES).toBe(true);
    expect(cfg.DATABASE_URL).toBeUndefined();
  });

  it('names each wrong variable with what is expected, and never prints secrets', () => {
    const msg = errorOf({ BATON_WEBHOOK_SECRET: 'short', PORT: 'eighty', ZENDESK_RATE_LIMIT_PER_MINUTE: '300', DATABASE_URL: 'mysql://x' });
    expect(msg).toContain('PORT (got "eighty")');
    expect(msg).toMatch(/ZENDESK_RATE_LIMIT_PER_MINUTE .*200, 400, 700, 2500/);
    expect(msg).toMatch(/DATABASE_URL .*postgres:\/\//);
    expect(msg).toContain('BATON_WEBHOOK_SECRET (got "***")');
    expect(msg).not.toContain('short');
  });

  it('requires API credentials once a Zendesk account is configured', () => {
    expect(errorOf({ ...ok, ZENDESK_SUBDOMAIN: 'acme' })).toMatch(/ZENDESK_EMAIL and ZENDESK_API_TOKEN/);
    const cfg = loadConfig({ ...ok, ZENDESK_SUBDOMAIN: 'acme', ZENDESK_EMAIL: 'a@example.com', ZENDESK_API_TOKEN: 't' });
    expect(cfg.zendeskUrl).toBe('https://acme.zendesk.com');
  });

  it('wants an admin token of its own: long enough, and not another secret reused', () => {
    const short = errorOf({ ...ok, BATON_ADMIN_TOKEN: 'too-short' });
    expect(short).toMatch(/BATON_ADMIN_TOKEN .*at least 24 characters.*openssl rand -hex 24/);
    expect(short).not.toContain('too-short');
    const app = 'the-app-shared-secret-0123456789';
    expect(errorOf({ ...ok, BATON_APP_SHARED_SECRET: app, BATON_ADMIN_TOKEN: app })).toContain('BATON_ADMIN_TOKEN: must differ from BATON_APP_SHARED_SECRET');
    expect(errorOf({ ...ok, BATON_ADMIN_TOKEN: ok.BATON_WEBHOOK_SECRET })).toContain('BATON_ADMIN_TOKEN: must differ from BATON_WEBHOOK_SECRET');
    expect(loadConfig({ ...ok, BATON_ADMIN_TOKEN: ' an-operator-token-0123456789 ' }).BATON_ADMIN_TOKEN).toBe('an-operator-token-0123456789');
  });

  it('keeps finished jobs and events 30 days and dead letters 90, or everything with 0', () => {
    expect(loadConfig(ok).retention).toEqual({ days: 30, deadLetterDays: 90 });
    expect(loadConfig({ ...ok, BATON_RETENTION_DAYS: '0' }).retention).toEqual({ days: 0, deadLetterDays: 0 });
    expect(loadConfig({ ...ok, BATON_RETENTION_DAYS: '120' }).retention).toEqual({ days: 120, deadLetterDays: 120 });
    expect(loadConfig({ ...ok, BATON_RETENTION_DAYS: '7', BATON_DEAD_LETTER_RETENTION_DAYS: '0' }).retention).toEqual({ days: 7, deadLetterDays: 0 });
    expect(loadRetention({ BATON_RETENTION_DAYS: '14', BATON_DEAD_LETTER_RETENTION_DAYS: '' })).toEqual({ days: 14, deadLetterDays: 90 });
  });

  it('refuses a retention that would lose dead letters first, or events a replay still needs', () => {
    expect(errorOf({ ...ok, BATON_RETENTION_DAYS: 'thirty' })).toMatch(/BATON_RETENTION_DAYS \(got "thirty"\): must be a whole number of days/);
    expect(errorOf({ ...ok, BATON_RETENTION_DAYS: '-1' })).toMatch(/BATON_RETENTION_DAYS \(got "-1"\): must be 0 \(keep everything\)/);
    expect(errorOf({ ...ok, BATON_RETENTION_DAYS: '30', BATON_DEAD_LETTER_RETENTION_DAYS: '10' })).toContain('BATON_DEAD_LETTER_RETENTION_DAYS: 10 is shorter than BATON_RETENTION_DAYS (30)');
    expect(errorOf({ ...ok, BATON_RETENTION_DAYS: '1', BATON_REPLAY_WINDOW_SECONDS: '86400' })).toMatch(/BATON_RETENTION_DAYS: 1 day\(s\) is within BATON_REPLAY_WINDOW_SECONDS \(86400\)/);
    expect(() => loadRetention({ BATON_DEAD_LETTER_RETENTION_DAYS: '1.5' })).toThrow(/BATON_DEAD_LETTER_RETENTION_DAYS \(got "1.5"\): must be a whole number of days/);
  });

  it('reads only the env object it is given', () => {
    process.env.BATON_WEBHOOK_SECRET = 'from-process-env-should-not-be-read';
    try {
      expect(errorOf({})).toContain('BATON_WEBHOOK_SECRET');
    } finally {
      delete process.env.BATON_WEBHOOK_SECRET;
    }
  });
});

describe('README configuration table', () => {
  it('documents every environment variable the connector reads', async () => {
    const { CONFIG_DOCS } = await import('../../connector/src/config/schema.js');
    const fs = await import('node:fs');
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const missing = Object.keys(CONFIG_DOCS).filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
