/**
 * Draws the app's marketplace logos (assets/logo.png 320×320, assets/logo-small.png
 * 128×128) from one SVG, rendered by headless Chromium, and writes the nav bar icon
 * (assets/icon_nav_bar.svg, single colour so Zendesk can tint it). Run after changing the
 * drawing; the PNGs are committed.
 *
 *   npx tsx sidebar-app/scripts/draw-logos.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets');

/** A relay baton passing from one lane to the next: automation handing over to a person. */
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 320">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1f73b7"/>
      <stop offset="1" stop-color="#03363d"/>
    </linearGradient>
  </defs>
  <rect width="320" height="320" fill="url(#bg)"/>
  <g stroke="#5eae91" stroke-width="10" stroke-linecap="round">
    <line x1="40" y1="150" x2="92" y2="150"/>
    <line x1="58" y1="176" x2="104" y2="176"/>
    <line x1="40" y1="202" x2="84" y2="202"/>
  </g>
  <g transform="rotate(-30 180 176)">
    <rect x="96" y="158" width="190" height="36" rx="18" fill="#ffffff"/>
    <rect x="132" y="158" width="12" height="36" fill="#f79a3e"/>
    <rect x="160" y="158" width="12" height="36" fill="#f79a3e"/>
    <rect x="188" y="158" width="12" height="36" fill="#f79a3e"/>
  </g>
  <circle cx="252" cy="222" r="44" fill="#f79a3e"/>
  <circle cx="252" cy="208" r="12" fill="#ffffff"/>
  <path d="M229 244 a23 19 0 0 1 46 0 z" fill="#ffffff"/>
</svg>`;

export const NAV_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 18 18">
  <g fill="currentColor">
    <path d="M3.2 12.4 11.6 4a2.3 2.3 0 0 1 3.2 3.2l-8.4 8.4a2.3 2.3 0 0 1-3.2-3.2z"/>
    <circle cx="3" cy="4" r="1.6"/>
  </g>
</svg>
`;

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
  try {
    for (const [file, size] of [['logo.png', 320], ['logo-small.png', 128]] as const) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<html><body style="margin:0">${LOGO_SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      await page.screenshot({ path: path.join(ASSETS, file), omitBackground: false });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  fs.writeFileSync(path.join(ASSETS, 'icon_nav_bar.svg'), NAV_ICON_SVG);
  console.log('wrote assets/logo.png, assets/logo-small.png, assets/icon_nav_bar.svg');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
