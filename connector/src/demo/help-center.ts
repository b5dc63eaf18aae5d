/**
 * Northwind's own Help Center articles, added beside the sandbox's generic ones for the demo.
 * The inbox labels its how-to tickets routine because "a Help Center article answers it":
 * the demo business needs the articles about its own product (Stockroom, its scanners and
 * label printers) for that to be true, as any real Help Center has them.
 */
import type { Sandbox } from '../sandbox/index.js';
import { HELP_CENTER_SECTIONS } from '../sandbox/help-center-articles.js';

/** Ids from here on, clear of the sandbox's generic articles (360_012_000_xxx). */
export const NORTHWIND_FIRST_ARTICLE_ID = 360_012_100_001;

interface DemoArticle {
  title: string;
  labels: string[];
  section: keyof typeof HELP_CENTER_SECTIONS;
  paragraphs: string[];
}

export const NORTHWIND_ARTICLES: readonly DemoArticle[] = [
  {
    title: 'Exporting your inventory and product list to CSV',
    labels: ['export', 'inventory', 'products', 'csv'],
    section: 'data',
    paragraphs: [
      'Go to Products, choose Export and pick CSV or Excel. The export lists every product with its SKU, price and stock quantity per location.',
      'On the Windows desktop app the same Export button is in the File menu. Large exports arrive by e-mail as a download link.',
    ],
  },
  {
    title: 'Pairing a Bluetooth barcode scanner with Stockroom (iPad, iPhone, Android)',
    labels: ['scanner', 'bluetooth', 'pairing', 'ipad', 'hid'],
    section: 'apps',
    paragraphs: [
      'Set the scanner to HID (keyboard) mode by scanning the HID barcode in its quick-start guide; SPP mode does not work with the app.',
      'Then open the Bluetooth settings of your iPad or phone, select the scanner to pair and connect it, and open Stockroom: a test scan should appear in the search field.',
    ],
  },
  {
    title: 'Low-stock alerts and reorder notifications',
    labels: ['low stock', 'alerts', 'notifications', 'reorder'],
    section: 'apps',
    paragraphs: [
      'Open a product, set its Reorder point, and Stockroom e-mails you when the quantity drops below it.',
      'To set up alerts for many products at once, use Settings > Notifications > Low stock and choose who receives the alert e-mail.',
    ],
  },
  {
    title: 'Printing barcode labels: label sizes, price and printer setup',
    labels: ['labels', 'barcode', 'printer', 'printing', 'label size'],
    section: 'apps',
    paragraphs: [
      'Choose Products > Print labels, select the products and the label size (supported rolls include 2x1, 4x6 and 57x32 mm), and print.',
      'To add the price to the barcode label, tick Show price in the label template. USB and network label printers both work; install the printer driver first.',
    ],
  },
  {
    title: 'Adding staff users and inviting employees',
    labels: ['users', 'staff', 'invite', 'employees', 'permissions'],
    section: 'account',
    paragraphs: [
      'Go to Settings > Users and click Invite user. Enter the employee e-mail address and choose a role; the new member of staff receives an invitation to set a password.',
      'Roles decide what each user can see: Staff can count and sell, Managers can also edit products and see reports.',
    ],
  },
  {
    title: 'Connecting your online store: Shopify and WooCommerce integration',
    labels: ['integration', 'shopify', 'woocommerce', 'online store', 'sync'],
    section: 'apps',
    paragraphs: [
      'Go to Settings > Integrations, choose Shopify or WooCommerce and connect your online shop or webshop with its store address.',
      'Once connected, online orders take stock off automatically and stock levels sync to the store every few minutes.',
    ],
  },
  {
    title: 'Bulk import products from a spreadsheet (CSV template and columns)',
    labels: ['import', 'bulk', 'products', 'csv', 'template', 'spreadsheet'],
    section: 'data',
    paragraphs: [
      'Go to Products > Import and download the CSV template, a sample file with the columns the product import needs: name, SKU, barcode, price, cost and quantity.',
      'Fill in the spreadsheet, upload it, and check the preview before you confirm the bulk import.',
    ],
  },
  {
    title: 'Adding a second location and moving stock between locations',
    labels: ['locations', 'second location', 'transfer', 'stock', 'shops'],
    section: 'apps',
    paragraphs: [
      'Go to Settings > Locations and click Add location to add a new shop or warehouse.',
      'To move stock between them, create a Transfer, pick the products and quantities, and confirm it when the stock arrives.',
    ],
  },
  {
    title: 'Putting your logo on printed receipts',
    labels: ['receipts', 'logo', 'printing', 'branding'],
    section: 'apps',
    paragraphs: [
      'Go to Settings > Receipts and upload your logo (PNG, at least 300 pixels wide) to change the logo on every printed receipt.',
      'The receipt preview shows how the logo will look before you save.',
    ],
  },
];

/** Adds the articles to the sandbox's Help Center, in the default locale. */
export function addNorthwindArticles(sandbox: Sandbox): void {
  const now = new Date();
  NORTHWIND_ARTICLES.forEach((a, i) => {
    sandbox.state.articles.push({
      id: NORTHWIND_FIRST_ARTICLE_ID + i,
      title: a.title,
      body: a.paragraphs.map((x) => `<p>${x}</p>`).join('\n'),
      labelNames: a.labels,
      sectionId: HELP_CENTER_SECTIONS[a.section],
      createdAt: now,
      updatedAt: now,
    });
  });
}
