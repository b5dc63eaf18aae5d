/**
 * Screenshots: every run saves to test-artifacts/ (gitignored) for people to look at; the
 * marketplace copies in assets/ are rewritten only when BATON_UPDATE_SCREENSHOTS=1, so a
 * test run never dirties the committed package.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export async function screenshot(page: Page, name: string, marketplaceName?: string): Promise<void> {
  const dir = path.join(ROOT, 'test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  const png = await page.screenshot({ path: path.join(dir, `${name}.png`) });
  if (marketplaceName && process.env.BATON_UPDATE_SCREENSHOTS === '1') fs.writeFileSync(path.join(ROOT, 'assets', marketplaceName), png);
}
