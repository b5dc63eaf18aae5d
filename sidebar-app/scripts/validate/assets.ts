/** Required marketplace images and their pixel sizes; screenshots must be PNGs. */
import { pngSize } from './png.js';
import type { Report } from './report.js';

export const REQUIRED_IMAGES: Record<string, { width: number; height: number }> = {
  'assets/logo.png': { width: 320, height: 320 },
  'assets/logo-small.png': { width: 128, height: 128 },
};

export function checkAssets(files: string[], readBytes: (p: string) => Buffer, report: Report): void {
  for (const [file, want] of Object.entries(REQUIRED_IMAGES)) {
    if (!files.includes(file)) {
      report.add(file, 'is missing');
      continue;
    }
    const size = pngSize(readBytes(file));
    if (!size) report.add(file, 'is not a PNG');
    else if (size.width !== want.width || size.height !== want.height) report.add(file, `is ${size.width}×${size.height}; it must be ${want.width}×${want.height}`);
  }
  for (const file of files.filter((f) => /^assets\/screenshot-[^/]+$/.test(f))) {
    if (!/\.png$/.test(file) || !pngSize(readBytes(file))) report.add(file, 'must be a PNG');
  }
}
