/**
 * The concrete facts a customer quotes: order numbers, products, versions, error codes.
 * One set is drawn per ticket so that every template of that ticket talks about the same
 * order and the same scanner.
 */
import type { Random } from './rng.js';
import type { OrgRecord } from './organizations.js';
import type { Person } from './people.js';

interface Product {
  name: string;
  short: string;
  sku: string;
  price: number;
}

/** Northwind's hardware catalogue (fictional): devices that can break, pair and print. */
const PRODUCTS: readonly Product[] = [
  { name: 'Northwind S2 wireless barcode scanner', short: 'S2 scanner', sku: 'NW-SC-200', price: 129 },
  { name: 'Northwind S5 2D barcode scanner', short: 'S5 scanner', sku: 'NW-SC-500', price: 189 },
  { name: 'Northwind LP4 thermal label printer', short: 'LP4 printer', sku: 'NW-LP-400', price: 249 },
  { name: 'Northwind LP6 industrial label printer', short: 'LP6', sku: 'NW-LP-600', price: 579 },
  { name: 'Northwind T8 POS terminal', short: 'T8 terminal', sku: 'NW-PT-800', price: 699 },
  { name: 'Northwind RP80 receipt printer', short: 'receipt printer', sku: 'NW-RP-080', price: 189 },
  { name: 'CD16 steel cash drawer', short: 'cash drawer', sku: 'NW-CD-016', price: 119 },
  { name: 'Northwind H10 handheld inventory computer', short: 'H10 handheld', sku: 'NW-HH-010', price: 899 },
  { name: 'S-series charging cradle', short: 'charging cradle', sku: 'NW-AC-031', price: 39 },
  { name: 'T8 customer-facing display', short: 'customer display', sku: 'NW-PT-810', price: 159 },
];

/** Consumables: only ever the second item of an order, since nobody reports a label roll that "does not turn on". */
const SUPPLIES: readonly Product[] = [
  { name: '4x6 direct thermal labels (roll of 500)', short: 'label rolls', sku: 'NW-LB-460', price: 24 },
  { name: 'shelf-edge label starter kit', short: 'shelf label kit', sku: 'NW-LB-900', price: 79 },
];

const CARRIERS = [
  { name: 'UPS', tracking: (r: Random) => `1Z${r.digits(3)}W${r.digits(2)}0${r.digits(9)}` },
  { name: 'FedEx', tracking: (r: Random) => r.digits(12) },
  { name: 'USPS', tracking: (r: Random) => `9400 1${r.digits(3)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(2)}` },
  { name: 'DHL', tracking: (r: Random) => r.digits(10) },
  { name: 'Royal Mail', tracking: (r: Random) => `RN${r.digits(9)}GB` },
] as const;

const PLAN_LABEL = { free: 'Free', starter: 'Starter', business: 'Business', enterprise: 'Enterprise' } as const;
/** Amounts that plausibly appear on a card statement for each plan (monthly, annual, extra seats). */
const CHARGES = { free: [24, 39, 79], starter: [29, 58, 348], business: [99, 198, 1188], enterprise: [10_000, 30_000] } as const;
const PLAN_PRICE = { free: '$0', starter: '$29/month', business: '$99/month', enterprise: 'our contract price' } as const;

const APPS = [
  { app: 'the iPhone app', os: ['iOS 17.5', 'iOS 17.4.1', 'iOS 16.7'], version: ['4.12.1', '4.12.0', '4.11.3'] },
  { app: 'the Android app', os: ['Android 14', 'Android 13', 'Android 12 (Zebra TC52)'], version: ['4.12.0', '4.11.2'] },
  { app: 'the web app', os: ['Windows 11', 'macOS 14.5', 'ChromeOS', 'Windows 10'], version: ['2024.06.2', '2024.06.1'] },
  { app: 'the Windows desktop app', os: ['Windows 11', 'Windows 10 22H2'], version: ['3.8.2', '3.8.1', '3.7.9'] },
  { app: 'the iPad app', os: ['iPadOS 17.5', 'iPadOS 17.3'], version: ['4.12.1', '4.11.3'] },
] as const;

const BROWSERS = ['Chrome 125', 'Safari 17.5', 'Firefox 126', 'Edge 125', 'Chrome 124'] as const;

const PAST_DAYS = [
  'last Monday', 'last Tuesday', 'last Wednesday', 'last Thursday', 'on Friday', 'over the weekend', 'on June 3rd',
  'on the 29th of May', 'on May 31', 'about ten days ago', 'two weeks ago', 'on the 5th', 'last week', 'on 4 June',
] as const;
const ETAS = ['by Friday', 'on June 7', 'last Thursday', 'within 3-5 business days', 'by the 6th', 'yesterday', 'on Monday'] as const;
const CITIES = ['Portland', 'Leeds', 'Halifax', 'Brisbane', 'Cork', 'Austin', 'Denver', 'Bristol', 'Toronto', 'Perth', 'Raleigh', 'Glasgow'] as const;
const WEEKS = ['two weeks', 'three weeks', 'ten days', 'over a week', 'almost a month'] as const;

export type Vars = Record<string, string>;

function money(n: number): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * Every placeholder a template may use. Drawn eagerly (it is cheap) so templates of any theme
 * can mention any fact without the theme having to ask for it.
 */
export function drawVars(rng: Random, person: Person, org: OrgRecord | undefined): Vars {
  const product = rng.pick(PRODUCTS);
  const other = rng.pick([...PRODUCTS, ...SUPPLIES].filter((p) => p !== product));
  const qty = rng.weighted([[1, 6], [2, 3], [3, 1], [5, 1], [10, 1]] as const);
  const carrier = rng.pick(CARRIERS);
  const app = rng.pick(APPS);
  const plan = org?.fields.plan ?? rng.weighted([['starter', 5], ['business', 3], ['free', 2]] as const);
  const seats = org?.fields.plan === 'enterprise' ? rng.int(80, 600) : rng.int(2, 25);
  return {
    first: person.first,
    name: person.name,
    last: person.last,
    email: person.email,
    org: org?.name ?? rng.pick(['my shop', 'our store', 'my business', 'the shop']),
    product: product.name,
    item: product.short,
    sku: product.sku,
    other: other.short,
    // Themes about pairing or printing need the right kind of device, not any product.
    scanner: rng.pick(['S2 scanner', 'S5 scanner', 'S2 scanner', 'H10 handheld']),
    printer: rng.pick(['LP4 printer', 'LP4 label printer', 'LP6 printer']),
    qty: String(qty),
    price: money(product.price),
    amount: money(product.price * qty),
    order: `NW-${rng.int(1, 4)}${rng.digits(5)}`,
    order2: `NW-${rng.int(1, 4)}${rng.digits(5)}`,
    carrier: carrier.name,
    tracking: carrier.tracking(rng),
    ordered: rng.pick(PAST_DAYS),
    eta: rng.pick(ETAS),
    weeks: rng.pick(WEEKS),
    days: String(rng.int(3, 12)),
    city: rng.pick(CITIES),
    plan: PLAN_LABEL[plan],
    planPrice: PLAN_PRICE[plan],
    seats: String(seats),
    app: app.app,
    os: rng.pick(app.os),
    version: rng.pick(app.version),
    browser: rng.pick(BROWSERS),
    invoice: `INV-2024-${rng.digits(5)}`,
    last4: rng.digits(4),
    ticketRef: String(rng.int(40_000, 49_999)),
    n: String(rng.int(2, 6)),
    minutes: String(rng.pick([10, 15, 20, 30, 45])),
    charge: money(rng.pick(CHARGES[plan])),
  };
}
