/**
 * Personal data and secrets never reach the logs. A real `baton serve` at LOG_LEVEL=debug
 * works through a slice of the overnight demo inbox (with customers' replies), messages
 * carrying phone numbers, and requests it must refuse (a malformed signed body, a forged
 * one, a stale one). Its whole stdout and stderr are then searched for every requester's
 * e-mail address and name, the phone numbers, the webhook secret, the API token and the
 * app secret: none may appear.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOvernightInbox } from '../../connector/src/demo/inbox/index.js';
import { addOrganizations, deliverTicket } from '../../connector/src/demo/load-inbox.js';
import { connectorEnvFor, installBatonIntake, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { HELPDESKS } from '../helpers/stack.js';
import { startServe, type ServeProcess } from '../helpers/processes.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';
import { zendeskHeaders } from '../helpers/webhooks.js';
import { unfinishedEventJobs } from '../resilience/helpers/exactly-once.js';
import { until } from '../resilience/helpers/wait.js';

/** How each helpdesk authenticates a delivery, and how a refused one is made. */
const fdHeaders = (secret: string) => ({ 'content-type': 'application/json', 'x-baton-webhook-secret': secret });
const AUTHENTIC = { zendesk: (secret: string, body: string) => zendeskHeaders(secret, body), freshdesk: (secret: string) => fdHeaders(secret) };
const FORGED = {
  zendesk: (secret: string, body: string) => [zendeskHeaders('a-forged-secret-0123456789', body), zendeskHeaders(secret, body, new Date(Date.now() - 3_600_000))],
  freshdesk: () => [fdHeaders('a-forged-secret-0123456789')],
};
const SCHEMA = { zendesk: 'baton.trigger.v1', freshdesk: 'baton.freshdesk.v1' };
/** The API's Basic credentials: Zendesk's e-mail/token pair, Freshdesk's key with "X". */
const BASIC_CREDENTIALS = { zendesk: (s: Sandbox) => `${s.apiEmail}/token:${apiToken}`, freshdesk: () => `${apiToken}:X` };

const PHONES = ['+1 (415) 555-0187', '020 7946 0958', '+4915112345678', '555.867.5309'];
const secret = crypto.randomBytes(24).toString('base64url');
const apiToken = `tok_${crypto.randomBytes(16).toString('hex')}`;
const appSecret = `app_${crypto.randomBytes(16).toString('hex')}`;
const adminToken = `admin_${crypto.randomBytes(16).toString('hex')}`;

describe.each(HELPDESKS)('%s', (helpdesk) => {
  let sandbox: Sandbox;
  let db: TestStore;
  let serve: ServeProcess;
  const people: { name: string; email: string }[] = [];
  let output = '';

  beforeAll(async () => {
    // The one API credential, as Zendesk's API token or Freshdesk's API key.
    sandbox = await startSandbox({ rateLimitPerMinute: 2500, apiToken, apiKey: apiToken, helpdesk });
    db = await sqliteTestStore();
    serve = await startServe({
      ...db.env,
      ...connectorEnvFor(sandbox, secret),
      BATON_APP_SHARED_SECRET: appSecret,
      BATON_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'debug',
    });
    await installBatonIntake(sandbox, serve.url, secret);

    const inbox = buildOvernightInbox(7, { count: 60 });
    addOrganizations(sandbox, inbox.organizations);
    const orgs = new Map(inbox.organizations.map((o) => [o.key, o]));
    const ids = new Map<string, number>();
    for (const t of inbox.tickets) {
      ids.set(t.key, deliverTicket(sandbox, t, orgs));
      people.push({ name: t.requester.name, email: t.requester.email });
    }
    for (const [i, phone] of PHONES.entries()) {
      const who = { name: `Phoebe Caller${i}`, email: `phoebe.caller${i}@example.org` };
      people.push(who);
      sandbox.inbound({ requester: who, subject: `Call me on ${phone}`, body: `My order has not arrived, please call me back on ${phone} today.`, channel: 'email' });
    }
    await settle();
    // The customers' replies, as the night has them: conversation history in play.
    for (const t of inbox.tickets) for (const f of t.followUps.slice(0, 1)) sandbox.customerReply(ids.get(t.key)!, f.body);
    await settle();

    // Requests the connector refuses, each carrying personal data it must not echo to the log:
    // a malformed body, the same forged (or stale), a field of the wrong type.
    const post = (body: string, headers: Record<string, string>) => fetch(`${serve.url}/webhooks/${helpdesk}`, { method: 'POST', body, headers }).then((r) => r.arrayBuffer());
    const schema = SCHEMA[helpdesk];
    const leaky = `{"schema":"${schema}","requester":{"email":"${people[0]!.email}","phone":"${PHONES[0]}"} x}`;
    await post(leaky, AUTHENTIC[helpdesk](secret, leaky));
    // A template with an unquoted placeholder: the parser's message quotes the text.
    const quokka = { name: 'Zanzibar Quokkason', email: 'zanzibar.quokka@example.net' };
    people.push(quokka);
    const unquoted = `{"schema":"${schema}","requester":{"email":${quokka.email},"name":"${quokka.name}"}}`;
    await post(unquoted, AUTHENTIC[helpdesk](secret, unquoted));
    for (const headers of FORGED[helpdesk](secret, leaky)) await post(leaky, headers);
    const wrongType = JSON.stringify({ schema, event: 'ticket.created', requester: { email: people[1]!.email, name: 12 } });
    await post(wrongType, AUTHENTIC[helpdesk](secret, wrongType));
    await fetch(`${serve.url}/api/jobs`, { headers: { authorization: `Bearer ${adminToken}` } }).then((r) => r.arrayBuffer());
    await serve.kill('SIGTERM'); // a graceful stop logs too
    output = serve.output();
  }, 90_000);

  afterAll(async () => {
    await serve?.kill();
    await sandbox?.close();
    await db?.cleanup();
  });

  async function settle() {
    await until('the connector to finish the batch', async () => {
      await sandbox.idle();
      return (await unfinishedEventJobs(db.store)) === 0;
    }, 60_000);
  }

  const digits = (s: string) => s.replace(/\D/g, '');

  describe('logs at debug level', () => {
    it('cover the work that was done (the scan below is not of an empty log)', () => {
      expect(output.split('\n').filter((l) => l.includes('"msg":"webhook accepted"')).length).toBeGreaterThanOrEqual(60);
      expect(output).toContain('ticket written back');
      expect(output).toMatch(/"level":"(warn|debug)"/);
    });

    it('contain no requester e-mail address or name', () => {
      const lower = output.toLowerCase();
      const leaked = people.filter((p) => lower.includes(p.email.toLowerCase()) || output.includes(p.name));
      expect(leaked).toEqual([]);
    });

    it('contain no fragment of a refused body, such as part of an address the parser quoted', () => {
      expect(output.split('\n').filter((line) => /zanzibar|quokka/i.test(line))).toEqual([]);
    });

    it('contain no phone number, in any formatting', () => {
      // Every run of digits and phone punctuation in the log, as bare digits.
      const runs = [...output.matchAll(/[+\d][\d\s().-]{5,}\d/g)].map((m) => digits(m[0]));
      for (const phone of PHONES) {
        expect(output).not.toContain(phone);
        expect(runs.filter((r) => r.includes(digits(phone)))).toEqual([]);
      }
    });

    it('contain no secret: webhook secret, API token, Basic credentials, app secret', () => {
      const basic = Buffer.from(BASIC_CREDENTIALS[helpdesk](sandbox)).toString('base64');
      for (const s of [secret, apiToken, basic, appSecret, adminToken]) expect(output).not.toContain(s);
    });
  });
});
