/**
 * requirements.json, built from the connector's own definitions so the three never
 * drift: the webhook points at the connector's intake route, and the triggers are exactly
 * the ones the sandbox installs (batonTriggerDefinitions), whose bodies are
 * `triggerBody('ticket.created')`, `triggerBody('ticket.comment_added')` and any later
 * event. The customer triggers fire only for changes made by the end user; none fires for
 * API changes (via id 5), so Baton's own updates do not loop back.
 *
 *   npx tsx sidebar-app/scripts/requirements.ts          # rewrite requirements.json
 *   npx tsx sidebar-app/scripts/requirements.ts --check  # exit 1 when it is stale
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { batonTriggerDefinitions } from '../../connector/src/sandbox/install-baton-triggers.js';

export const REQUIREMENTS_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../requirements.json');
export const WEBHOOK_KEY = 'baton_intake';
/** How a requirement names another one created by the same install. */
export const WEBHOOK_REF = `{{$requirement.${WEBHOOK_KEY}.requirement_id}}`;

export function buildRequirements() {
  const triggers = batonTriggerDefinitions(WEBHOOK_REF);
  return {
    webhooks: {
      [WEBHOOK_KEY]: {
        name: 'Baton intake',
        description: 'Customer messages for Baton triage. Zendesk signs every delivery; set its signing secret as BATON_WEBHOOK_SECRET on the connector.',
        status: 'active',
        endpoint: '{{setting.connector_url}}/webhooks/zendesk',
        http_method: 'POST',
        request_format: 'json',
        subscriptions: ['conditional_ticket_events'],
      },
    },
    triggers: Object.fromEntries(Object.entries(triggers).map(([key, t]) => [`baton_${snake(key)}`, { ...t, active: true }])),
  };
}

/** 'ticketCreated' → 'ticket_created': requirement identifiers are snake case. */
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const renderRequirements = () => `${JSON.stringify(buildRequirements(), null, 2)}\n`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const want = renderRequirements();
  const have = fs.existsSync(REQUIREMENTS_PATH) ? fs.readFileSync(REQUIREMENTS_PATH, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (have !== want) {
      console.error('requirements.json is stale: run npx tsx sidebar-app/scripts/requirements.ts');
      process.exit(1);
    }
    console.log('requirements.json is in sync');
  } else {
    fs.writeFileSync(REQUIREMENTS_PATH, want);
    console.log(`wrote ${path.relative(process.cwd(), REQUIREMENTS_PATH)}`);
  }
}
