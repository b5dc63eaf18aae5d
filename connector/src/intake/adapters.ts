/** The intake adapters of the helpdesks this connector's configuration names. */
import type { Config } from '../config/load.js';
import type { IntakeAdapter } from './adapter.js';
import { ZendeskAccountIdentity } from './zendesk/account-identity.js';
import { freshdeskIntake } from './freshdesk/adapter.js';
import { zendeskIntake } from './zendesk/adapter.js';

export function intakeAdapters(config: Config): IntakeAdapter[] {
  if (config.BATON_HELPDESK === 'freshdesk') return [freshdeskIntake({ secrets: config.webhookSecrets, account: config.freshdeskAccount! })];
  return [
    zendeskIntake({
      secrets: config.webhookSecrets,
      replayWindowSeconds: config.BATON_REPLAY_WINDOW_SECONDS,
      identity: new ZendeskAccountIdentity(config.zendeskSubdomain),
    }),
  ];
}
