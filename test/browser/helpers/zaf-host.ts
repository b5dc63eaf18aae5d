/**
 * Serves the built app the way Zendesk does, on two origins: the host page (the "agent
 * interface", speaking ZAF's postMessage protocol) on one port, and assets/ (the app's own
 * origin, like *.apps.zdusercontent.com) on another. `open()` loads one app location in
 * Chromium with the real SDK inside the iframe and Zendesk's proxy played by Node.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { proxyRequest, type ProxyOptions } from './zaf-proxy.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const HOST_SCRIPT = path.join(import.meta.dirname, '../host/zaf-host.js');

export interface HostConfig {
  location: 'ticket_sidebar' | 'nav_bar';
  subdomain: string;
  ticketId?: number;
  /** Non-secure settings the app sees in metadata (connector_url). */
  settings: Record<string, string>;
  /** Secure settings only the proxy sees (shared_secret). */
  secureSettings: Record<string, string>;
  colorScheme?: 'light' | 'dark';
  /** `role` is what `currentUser.role` answers: 'admin' or 'agent' (the default). */
  user?: { id: number; name: string; locale: string; role?: string };
  /** The browser window; 1280x800 unless a test says otherwise. */
  viewport?: { width: number; height: number };
  /** Width of the apps column the sidebar iframe fills (Zendesk's is about 320 px). */
  sidebarWidth?: number;
  /** What the "agent interface" shows beside the app, for screenshots people read. */
  ticket?: { subject: string; messages: { author: string; body: string; internal?: boolean }[] };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function hostPage(config: HostConfig, iframeSrc: string): string {
  const sidebar = config.location === 'ticket_sidebar';
  const zaf = {
    colorScheme: config.colorScheme ?? 'light',
    currentUser: { role: 'agent', ...(config.user ?? { id: 9001, name: 'Ada Agent', locale: 'en-US' }) },
    context: { product: 'support', location: config.location, instanceGuid: 'host-instance-1', account: { subdomain: config.subdomain }, ...(config.ticketId ? { ticketId: config.ticketId } : {}) },
    metadata: { appId: 0, installationId: 1, settings: config.settings },
  };
  const dark = zaf.colorScheme === 'dark';
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Zendesk (test host)</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: ${dark ? '#0b0e11' : '#f8f9f9'}; color: ${dark ? '#d8dcde' : '#2f3941'}; }
  .layout { display: flex; height: 100vh; }
  .ticket { flex: 1; padding: 24px; }
  .ticket h1 { font-size: 18px; margin: 0 0 12px; }
  .ticket .msg { max-width: 560px; line-height: 1.5; margin: 0 0 12px; padding: 10px 12px; border-radius: 6px; background: ${dark ? '#1d242a' : '#fff'}; border: 1px solid ${dark ? '#2f3941' : '#e9ebed'}; font-size: 14px; }
  .ticket .msg.internal { background: ${dark ? '#3b2e0f' : '#fff7ed'}; }
  .ticket .who { font-weight: 600; font-size: 12px; margin-bottom: 4px; }
  .apps { flex: none; width: ${config.sidebarWidth ?? 320}px; border-left: 1px solid ${dark ? '#2f3941' : '#d8dcde'}; overflow: auto; background: ${dark ? '#151a1e' : '#fff'}; }
  .apps header { font-size: 12px; font-weight: 600; padding: 10px 12px; border-bottom: 1px solid ${dark ? '#2f3941' : '#e9ebed'}; }
  iframe { border: 0; width: 100%; display: block; }
  .nav iframe { width: 100%; height: 100vh; }
</style></head>
<body>
${
  sidebar
    ? `<div class="layout"><section class="ticket"><h1 id="ticket-subject">#${config.ticketId ?? ''} ${escapeHtml(config.ticket?.subject ?? '')}</h1>${(config.ticket?.messages ?? [])
        .map((m) => `<div class="msg${m.internal ? ' internal' : ''}"><div class="who">${escapeHtml(m.author)}</div>${escapeHtml(m.body)}</div>`)
        .join('')}</section>
<aside class="apps"><header>Apps · Baton</header><iframe id="app-frame" title="Baton" src="${iframeSrc}" style="height:200px"></iframe></aside></div>`
    : `<div class="nav"><iframe id="app-frame" title="Baton analytics" src="${iframeSrc}"></iframe></div>`
}
<script>window.ZAF_HOST_CONFIG = ${JSON.stringify(zaf)};</script>
<script src="/zaf-host.js"></script>
<script>
  // Zendesk sizes the sidebar iframe when the app invokes resize; do the same.
  setInterval(function () {
    var r = window.zafHost.resizes[window.zafHost.resizes.length - 1];
    if (r && r.height) document.getElementById('app-frame').style.height = r.height;
  }, 50);
</script>
</body></html>`;
}

export interface ZafHost {
  assetsUrl: string;
  open(browser: Browser, config: HostConfig): Promise<{ page: Page; app: FrameLocator }>;
  close(): Promise<void>;
}

export async function startZafHost(): Promise<ZafHost> {
  const assetsApp = express();
  assetsApp.use('/assets', express.static(path.join(ROOT, 'assets')));
  const assets = await listen(assetsApp);

  let current: HostConfig | null = null;
  const hostApp = express();
  hostApp.get('/zaf-host.js', (_req, res) => void res.type('js').send(fs.readFileSync(HOST_SCRIPT, 'utf8')));
  hostApp.get('/agent', (_req, res) => {
    if (!current) return void res.status(404).end();
    const origin = `http://127.0.0.1:${(hostServer.server.address() as AddressInfo).port}`;
    const src = `${assets.url}/assets/iframe.html?origin=${encodeURIComponent(origin)}&app_guid=baton-test-guid`;
    res.type('html').send(hostPage(current, src));
  });
  const hostServer = await listen(hostApp);

  return {
    assetsUrl: assets.url,
    async open(browser, config) {
      current = config;
      const page = await browser.newPage({ viewport: config.viewport ?? { width: 1280, height: 800 } });
      const settings = { ...config.settings, ...config.secureSettings };
      await page.exposeFunction('zafProxy', (o: ProxyOptions) => proxyRequest(o, settings));
      await page.goto(`${hostServer.url}/agent`);
      return { page, app: page.frameLocator('#app-frame') };
    },
    async close() {
      for (const s of [assets.server, hostServer.server]) {
        await new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeAllConnections();
      }
    },
  };
}
