/**
 * Screenshots: every run saves them to reports/screenshots/ (committed, so a reviewer sees
 * what the tests saw, and the README shows the current ones); the marketplace copies in
 * assets/ are rewritten only when BATON_UPDATE_SCREENSHOTS=1.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'reports', 'screenshots');

export async function screenshot(page: Page, name: string, marketplaceName?: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const png = await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  if (marketplaceName && process.env.BATON_UPDATE_SCREENSHOTS === '1') fs.writeFileSync(path.join(ROOT, 'assets', marketplaceName), png);
}
