/**
 * How-to answers link Help Center articles in the customer's locale and only articles a
 * customer can open, against the sandbox over real HTTP. The webhook's locale is what
 * Zendesk's `{{ticket.requester.language}}` renders: a language name such as "German".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageOf } from '../../connector/src/handoff/wait-messages.js';
import { RateBudget } from '../../connector/src/helpdesk/rate-budget.js';
import { ZendeskGateway } from '../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { localeTag } from '../../connector/src/locale.js';
import { howToReply } from '../../connector/src/playbooks/how-to.js';
import { loadReplies } from '../../connector/src/playbooks/replies.js';
import type { HelpdeskPort } from '../../connector/src/helpdesk/port.js';
import type { PlaybookContext } from '../../connector/src/playbooks/types.js';
import { SANDBOX_END_USERS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { HELPDESKS, sandboxHelpdesk } from '../helpers/stack.js';

let sandbox: Sandbox;
let helpdesk: ZendeskHelpdesk;
const replies = loadReplies();
const GERMAN = 360_099_000_001;
const INTERNAL = 360_099_000_002;
const DRAFT = 360_099_000_003;
/** A German article, and two that outscore the public English one but no customer may open. */
function addArticles(s: Sandbox): void {
  const now = new Date();
  const article = { labelNames: [], sectionId: 360_001_000_104, createdAt: now, updatedAt: now };
  s.state.articles.push(
    { ...article, id: GERMAN, locale: 'de', title: 'Daten exportieren als CSV', body: '<p>Admins exportieren alle Daten als CSV unter <strong>Einstellungen → Daten → Export</strong>.</p>' },
    // Agents only (a user segment) and a draft: both score higher than the public article.
    { ...article, id: INTERNAL, userSegmentId: 7001, title: 'Export data to CSV: internal override for admins', body: '<p>Internal: export data to CSV for a customer from the admin console.</p>' },
    { ...article, id: DRAFT, draft: true, title: 'Export my data to CSV (new exporter)', body: '<p>Export data to CSV with the new exporter.</p>' },
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: 100_000 });
  helpdesk = new ZendeskHelpdesk(new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 100_000, maxRetries: 0 }, new RateBudget(60_000)));
  addArticles(sandbox);
});
afterAll(async () => sandbox?.close());

function ctx(locale: string | undefined, requesterId: string | undefined, message: string, client: HelpdeskPort = helpdesk): PlaybookContext {
  return { intent: 'how_to', customerName: 'Lena Fischer', subject: '', message, locale, requesterId, helpdesk: client.scoped(), replies, answeredBefore: [] };
}

describe('Help Center answers', () => {
  it("links the article in the language the webhook names, without reading the requester when the Help Center has one locale of it", async () => {
    const lena = String(SANDBOX_END_USERS.lena.id); // locale "de" in the helpdesk
    const reads = () => sandbox.stats().byRoute['GET /api/v2/users/{id}'] ?? 0;
    const before = reads();
    const played = await howToReply(ctx('German', lena, 'Wie kann ich meine Daten als CSV exportieren?'), 'Lena');
    expect('reply' in played && played.reply).toContain(`/hc/de/articles/${GERMAN}-`);
    expect(reads()).toBe(before);
  });

  it("reads the requester's own locale when the Help Center has several of the named language", async () => {
    const british = await startSandbox({ rateLimitPerMinute: 100_000 });
    try {
      const now = new Date();
      const UK = 360_099_000_010;
      british.state.articles.push({ id: UK, locale: 'en-gb', labelNames: [], sectionId: 360_001_000_104, createdAt: now, updatedAt: now, title: 'Export your data to CSV (UK)', body: '<p>Export data to CSV from Settings → Data.</p>' });
      const zendesk = new ZendeskHelpdesk(new ZendeskGateway({ baseUrl: british.url, email: british.apiEmail, apiToken: british.apiToken, ratePerMinute: 100_000, maxRetries: 0 }, new RateBudget(60_000)));
      const omar = String(SANDBOX_END_USERS.omar.id); // locale "en-GB" in the helpdesk
      const played = await howToReply({ ...ctx('English', omar, 'How do I export my data to CSV?'), helpdesk: zendesk.scoped() }, 'Omar');
      expect('reply' in played && played.reply).toContain(`/hc/en-gb/articles/${UK}-`);
      expect(british.stats().byRoute['GET /api/v2/users/{id}']).toBe(1);
    } finally {
      await british.close();
    }
  });

  it('maps a language name when the requester cannot be read, and matches a regional locale to the language', async () => {
    const byName = await howToReply(ctx('German', '999999999', 'Wie kann ich meine Daten als CSV exportieren?'), 'Lena');
    expect('reply' in byName && byName.reply).toContain(`/hc/de/articles/${GERMAN}-`);
    const british = await howToReply(ctx('en-GB', undefined, 'How do I export my data as CSV?'), 'Omar');
    expect('reply' in british && british.reply).toContain('/hc/en-us/articles/');
  });

  it('shows customers neither in the sandbox Help Center, as Zendesk does', async () => {
    expect((await fetch(`${sandbox.url}/hc/en-us/articles/${INTERNAL}-x`)).status).toBe(404);
  });

  it('reads language names as locales: German is de, not ge', () => {
    expect(localeTag('German')).toBe('de');
    expect(localeTag('Portuguese (Brazil)')).toBe('pt-br');
    expect(localeTag('en-US')).toBe('en-us');
    expect(languageOf('German')).toBe('de');
    expect(languageOf('Spanish')).toBe('es');
  });
});

/** Where each helpdesk's customers read an article: Zendesk's Help Center, Freshdesk's portal. */
const ARTICLE_URL = { zendesk: (id: number) => `/hc/en-us/articles/${id}-`, freshdesk: (id: number) => `/support/solutions/articles/${id}` };

describe.each(HELPDESKS)('articles a customer cannot open (%s)', (name) => {
  let s: Sandbox;
  let client: HelpdeskPort;
  beforeAll(async () => {
    s = await startSandbox({ rateLimitPerMinute: 100_000, helpdesk: name });
    client = sandboxHelpdesk(s);
    addArticles(s);
  });
  afterAll(async () => s?.close());

  it('never links a draft or an article restricted to a user segment', async () => {
    const played = await howToReply(ctx('English', undefined, 'How do I export my data to CSV?', client), 'Sam');
    expect('reply' in played).toBe(true);
    const reply = (played as { reply: string }).reply;
    expect(reply).toContain(ARTICLE_URL[name](360012000011));
    expect(reply).not.toContain(String(INTERNAL));
    expect(reply).not.toContain(String(DRAFT));
    // Nor are they among the articles the helpdesk client offers at all.
    const offered = (await client.searchArticles('How do I export my data to CSV?')).map((a) => a.url).join(' ');
    expect(offered).toContain('360012000011');
    expect(offered).not.toContain(String(INTERNAL));
    expect(offered).not.toContain(String(DRAFT));
  });
});
