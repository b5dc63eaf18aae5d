/**
 * What a person would see as broken layout, measured in the app's frame: text cut off by
 * its box (an ellipsis or a hidden overflow), content wider than the frame (a sideways
 * scroll in a 320 px sidebar), SVG text running outside its chart, and a box outside the
 * browser window.
 */
import type { Frame, Locator, Page } from 'playwright-core';

/** Texts whose element hides part of them (scrollWidth beyond the box, overflow not scrolling). */
export function clippedTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (!el.innerText?.trim() || el.closest('svg')) continue;
      // Visually hidden on purpose (labels and counts for screen readers): a 1 px box.
      if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
      const style = getComputedStyle(el);
      if (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'visible') continue;
      // -webkit-line-clamp quotes are clamped on purpose (three lines of a long message).
      if (style.webkitLineClamp && style.webkitLineClamp !== 'none') continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(el.innerText.trim().slice(0, 80));
    }
    return out;
  });
}

/** True when the page scrolls sideways inside the frame. */
export function overflowsSideways(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** SVG texts that reach outside the visible area of their own <svg>. */
export function clippedSvgTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    for (const text of Array.from(document.querySelectorAll<SVGTextElement>('svg text'))) {
      const svg = text.ownerSVGElement!;
      const t = text.getBoundingClientRect();
      const s = svg.getBoundingClientRect();
      if (t.width === 0) continue;
      if (t.left < s.left - 1 || t.right > s.right + 1 || t.top < s.top - 1 || t.bottom > s.bottom + 1) out.push(text.textContent ?? '');
    }
    return out;
  });
}

/** Whether a locator's box lies inside the browser window (page coordinates, iframe offset included). */
export async function insideWindow(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const vp = page.viewportSize()!;
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width + 1 && box.y + box.height <= vp.height + 1;
}
