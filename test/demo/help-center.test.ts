/**
 * The demo business's Help Center: the how-to questions its inbox labels routine ("a Help
 * Center article answers it") find Northwind's own article first, beside the generic ones.
 */
import { describe, expect, it } from 'vitest';
import { NORTHWIND_ARTICLES, NORTHWIND_FIRST_ARTICLE_ID } from '../../connector/src/demo/help-center.js';
import { searchArticles } from '../../connector/src/sandbox/help-center-search.js';
import { SANDBOX_ARTICLES } from '../../connector/src/sandbox/help-center-articles.js';

const now = new Date();
const articles = [
  ...SANDBOX_ARTICLES.map((a) => ({ id: a.id, title: a.title, body: a.body, labelNames: a.labels, sectionId: 1, createdAt: now, updatedAt: now })),
  ...NORTHWIND_ARTICLES.map((a, i) => ({ id: i + 1, title: a.title, body: a.paragraphs.join(' '), labelNames: a.labels, sectionId: 1, createdAt: now, updatedAt: now })),
];

describe('Northwind Help Center', () => {
  it.each([
    ['scanner pairing bluetooth ipad', 'Pairing a Bluetooth barcode scanner'],
    ['bulk import products csv template', 'Bulk import products'],
    ['add second location transfer stock', 'Adding a second location'],
    ['low stock alert reorder', 'Low-stock alerts'],
    ['print barcode labels price', 'Printing barcode labels'],
    ['logo receipts', 'Putting your logo on printed receipts'],
    ['woocommerce sync online store', 'Connecting your online store'],
  ])('"%s" finds "%s…" first', (query, title) => {
    expect(searchArticles(articles, query)[0]?.article.title).toContain(title);
  });

  it('keeps article ids clear of the generic Help Center', () => {
    expect(NORTHWIND_ARTICLES.length).toBeGreaterThan(5);
    const generic = new Set(SANDBOX_ARTICLES.map((a) => a.id));
    NORTHWIND_ARTICLES.forEach((_, i) => expect(generic.has(NORTHWIND_FIRST_ARTICLE_ID + i)).toBe(false));
  });
});
