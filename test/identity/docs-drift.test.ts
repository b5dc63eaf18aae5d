/**
 * What the README tells an admin matches what the app package does: the triggers
 * `requirements.json` creates, and a connector URL typed with a trailing slash.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { zendeskHeaders } from '../helpers/webhooks.js';

const root = path.join(import.meta.dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const requirements = JSON.parse(fs.readFileSync(path.join(root, 'requirements.json'), 'utf8')) as { triggers: Record<string, { title: string }> };
const words = ['zero', 'one', 'two', 'three', 'four', 'five'];

describe('README against requirements.json', () => {
  it('names as many triggers as requirements.json creates, each by its title', () => {
    const titles = Object.values(requirements.triggers).map((t) => t.title);
    const section = readme.slice(readme.indexOf('**Triggers.**'), readme.indexOf('4. Start the connector'));
    const count = /\*\*Triggers\.\*\* (\w+) triggers/i.exec(section)?.[1]?.toLowerCase();
    expect(count).toBe(words[titles.length]);
    for (const title of titles) expect(section.replace(/\s+/g, ' ')).toContain(`*${title}*`);
  });
});

describe('a connector URL setting with a trailing slash', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack?.close());

  it('still receives the webhook at {{setting.connector_url}}/webhooks/zendesk', async () => {
    const body = fs.readFileSync(path.join(root, 'test/fixtures/zendesk/trigger-ticket-comment-added.json'), 'utf8');
    // requirements.json joins the setting and the path: "https://host/" + "/webhooks/zendesk".
    const endpoint = `${stack.url}/` + '/webhooks/zendesk';
    const res = await fetch(endpoint, { method: 'POST', headers: zendeskHeaders(stack.secret, body), body });
    expect(res.status).toBe(202);
    expect(((await res.json()) as { status: string }).status).toBe('accepted');
  });
});
