/**
 * Screenshots: every run saves them to test-artifacts/screenshots/ (not committed, kept by CI
 * as artifacts), so `npm test` leaves the work tree clean. With BATON_UPDATE_SCREENSHOTS=1 they
 * also replace the committed copies in reports/screenshots/ (which the README shows) and the
 * marketplace copies in assets/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'screenshots');
const COMMITTED_DIR = path.join(ROOT, 'reports', 'screenshots');

export async function screenshot(page: Page, name: string, marketplaceName?: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const png = await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  if (process.env.BATON_UPDATE_SCREENSHOTS !== '1') return;
  fs.mkdirSync(COMMITTED_DIR, { recursive: true });
  fs.writeFileSync(path.join(COMMITTED_DIR, `${name}.png`), png);
  if (marketplaceName) fs.writeFileSync(path.join(ROOT, 'assets', marketplaceName), png);
}
