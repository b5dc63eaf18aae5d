/**
 * Every item of a Zendesk list endpoint, whichever pagination it answers with: cursor
 * (`meta.has_more` + `links.next`, what Zendesk recommends) or offset (`next_page`, which some
 * endpoints and the sandbox still use). The gateway's own `paginate` only follows cursors.
 * Every request goes through the gateway, so the account's rate budget holds.
 */
import type { ZendeskGateway } from '../helpdesk/zendesk/gateway.js';

type Page = Record<string, unknown> & { meta?: { has_more?: boolean }; links?: { next?: string | null }; next_page?: string | null };

const relative = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

export async function* listAll<T>(gateway: ZendeskGateway, path: string, key: string, maxPages = 1000): AsyncGenerator<T> {
  let next: string | null = path;
  for (let page = 0; next && page < maxPages; page++) {
    const body: Page = await gateway.request<Page>('GET', next);
    for (const item of (body[key] as T[] | undefined) ?? []) yield item;
    const link = body.meta?.has_more ? body.links?.next : body.next_page;
    next = link ? relative(link) : null;
  }
}
