/**
 * Serves the Freshdesk app the way Freshdesk does, on two origins: the host page (the
 * "agent portal" beside a ticket) answering the app client's postMessage calls, and the
 * app's own files on another origin, with `{{{appclient}}}` replaced by the imitation
 * client (../host/freshworks-client.js). Server Method Invocations run the app's real
 * server/server.js in Node (fdk-server.ts). Every call the app makes is recorded in
 * `window.fwHost.calls` for the test to read.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { fdkServer } from './fdk-server.js';

const APP = path.resolve(import.meta.dirname, '../../../freshdesk-app/app');
const CLIENT_SCRIPT = path.join(import.meta.dirname, '../host/freshworks-client.js');

export interface FreshworksHostConfig {
  domainName: string;
  ticket: { id: number; subject: string };
  loggedInUser: { id: number; contact: { name: string; email: string; language: string } };
  /** Non-secure iparams (the browser may read them). */
  iparams: Record<string, string>;
  /** Secure iparams: only the server method sees them. */
  secureIparams: Record<string, string>;
}

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function hostPage(config: FreshworksHostConfig, iframeSrc: string): string {
  const data = { ticket: { ticket: config.ticket }, domainName: { domainName: config.domainName }, loggedInUser: { loggedInUser: config.loggedInUser } };
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Freshdesk (test host)</title>
<style>body{margin:0;font-family:system-ui,sans-serif}.layout{display:flex;height:100vh}.ticket{flex:1;padding:24px}.apps{width:340px;border-left:1px solid #ddd}iframe{border:0;width:100%;display:block}</style>
</head><body>
<div class="layout"><section class="ticket"><h1>#${config.ticket.id} ${config.ticket.subject.replace(/</g, '&lt;')}</h1></section>
<aside class="apps"><iframe id="app-frame" title="Baton" src="${iframeSrc}" style="height:200px"></iframe></aside></div>
<script>
  var DATA = ${JSON.stringify(data)};
  var IPARAMS = ${JSON.stringify(config.iparams)};
  window.fwHost = { calls: [], resizes: [], notifications: [] };
  window.addEventListener('message', async function (e) {
    var m = e.data;
    if (!m || m.fw !== 'call') return;
    window.fwHost.calls.push(m.method + (m.args && typeof m.args[0] === 'string' ? ' ' + m.args[0] : ''));
    var reply = function (result, error) { e.source.postMessage({ fw: 'reply', id: m.id, result: result, error: error }, '*'); };
    try {
      switch (m.method) {
        case 'app.initialized': return reply(true);
        case 'data.get':
          if (!(m.args[0] in DATA)) return reply(undefined, { message: 'unknown data ' + m.args[0] });
          return reply(DATA[m.args[0]]);
        case 'iparams.get': return reply(m.args[0] ? { [m.args[0]]: IPARAMS[m.args[0]] } : IPARAMS);
        case 'instance.resize':
          window.fwHost.resizes.push(m.args[0]);
          document.getElementById('app-frame').style.height = m.args[0].height;
          return reply(true);
        case 'interface.trigger': window.fwHost.notifications.push(m.args); return reply(true);
        case 'request.invoke': return reply({ response: await window.fdkInvoke(m.args[0], m.args[1]) });
        default: return reply(undefined, { message: 'not imitated: ' + m.method });
      }
    } catch (err) { reply(undefined, { message: String(err && err.message || err) }); }
  });
</script>
</body></html>`;
}

export interface FreshworksHost {
  open(browser: Browser, config: FreshworksHostConfig): Promise<{ page: Page; app: FrameLocator }>;
  close(): Promise<void>;
}

export async function startFreshworksHost(): Promise<FreshworksHost> {
  const appFiles = express();
  appFiles.get('/fw-client.js', (_req, res) => void res.type('js').send(fs.readFileSync(CLIENT_SCRIPT, 'utf8')));
  appFiles.get(['/', '/index.html'], (_req, res) => void res.type('html').send(fs.readFileSync(path.join(APP, 'index.html'), 'utf8').replace('{{{appclient}}}', '/fw-client.js')));
  appFiles.use(express.static(APP));
  const files = await listen(appFiles);

  let current: FreshworksHostConfig | null = null;
  const hostApp = express();
  hostApp.get('/agent', (_req, res) => (current ? void res.type('html').send(hostPage(current, `${files.url}/index.html`)) : void res.status(404).end()));
  const host = await listen(hostApp);

  return {
    async open(browser, config) {
      current = config;
      const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
      const invoke = fdkServer({ ...config.iparams, ...config.secureIparams });
      await page.exposeFunction('fdkInvoke', (fn: string, args: Record<string, unknown>) => invoke(fn, args));
      await page.goto(`${host.url}/agent`);
      return { page, app: page.frameLocator('#app-frame') };
    },
    async close() {
      for (const s of [files.server, host.server]) {
        await new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeAllConnections();
      }
    },
  };
}
