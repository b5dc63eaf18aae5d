/**
 * The customer organizations of Northwind Supply (a fictional store that sells scanning and
 * point-of-sale hardware and the "Stockroom" inventory app). A handful of large accounts
 * and one big prospect make the VIP path visible in the demo; the long tail of small shops
 * is what a real night mostly looks like.
 */
import type { InboxOrganization, Plan } from './types.js';

export interface OrgRecord extends InboxOrganization {
  /** Mail domain used for the org's people; always under a reserved example domain. */
  domain: string;
  /** Market the org sells in, so its people get fitting names and locales. */
  market: 'en' | 'es' | 'fr' | 'de' | 'pt' | 'ja' | 'it';
}

function org(
  key: string,
  name: string,
  plan: Plan,
  arr: number,
  extraTags: string[],
  opts: { open?: boolean; domain?: string; market?: OrgRecord['market'] } = {},
): OrgRecord {
  return {
    key,
    name,
    tags: [plan, ...extraTags],
    fields: { plan, arr, open_opportunity: opts.open ?? false },
    domain: opts.domain ?? `${key}.example.com`,
    market: opts.market ?? 'en',
  };
}

/** Enterprise accounts: high ARR, most with a renewal or expansion in the pipeline. */
const LARGE_ACCOUNTS: OrgRecord[] = [
  org('acme', 'Acme Corp', 'enterprise', 120_000, ['vip', 'renewal_q3', 'multi_warehouse'], { open: true }),
  org('meridian', 'Meridian Retail Group', 'enterprise', 210_000, ['vip', 'expansion'], { open: true, domain: 'meridian-retail.example.org' }),
  org('bluepeak', 'Bluepeak Health Systems', 'enterprise', 150_000, ['vip', 'healthcare', 'hipaa'], { open: true, domain: 'bluepeak.example.net' }),
  org('halvorsen', 'Halvorsen Maritime Supply', 'enterprise', 96_000, ['vip', 'renewal_q4'], { open: true }),
  org('corvid', 'Corvid & Lane Outfitters', 'enterprise', 84_000, ['vip'], { domain: 'corvidlane.example.com' }),
];

/** The biggest prospect: in a paid pilot, no ARR yet, a 600-seat deal under negotiation. */
const PROSPECT: OrgRecord = org('kestrel', 'Kestrel Aerospace', 'business', 0, ['vip', 'prospect', 'pilot', 'deal_600_seats'], {
  open: true,
  domain: 'kestrel-aero.example.com',
});

/** The long tail: small shops and clinics, free to business plans. ARR in dollars per year. */
const SMALL_ACCOUNTS: OrgRecord[] = [
  org('brightleaf', 'Brightleaf Bakery', 'starter', 348, ['food']),
  org('cobalt-cycles', 'Cobalt Cycles', 'business', 4_752, ['retail']),
  org('harbor-hardware', 'Harbor Street Hardware', 'business', 9_504, ['retail', 'multi_location']),
  org('little-fern', 'Little Fern Plant Shop', 'free', 0, ['retail']),
  org('oakline', 'Oakline Furniture Co.', 'business', 7_128, ['retail', 'warehouse']),
  org('pinewood-pharmacy', 'Pinewood Pharmacy', 'business', 5_940, ['healthcare']),
  org('redwing-records', 'Redwing Records', 'starter', 696, ['retail']),
  org('saltmarsh', 'Saltmarsh Surf Supply', 'starter', 1_044, ['retail']),
  org('tin-lantern', 'Tin Lantern Gifts', 'free', 0, ['retail']),
  org('uptown-pets', 'Uptown Pet Pantry', 'starter', 696, ['retail']),
  org('verde-grocer', 'Verde Grocer', 'business', 11_880, ['food', 'multi_location']),
  org('willow-wool', 'Willow & Wool Yarns', 'free', 0, ['retail'], { domain: 'willowandwool.example.org' }),
  org('yellowbird', 'Yellowbird Coffee Roasters', 'starter', 1_392, ['food']),
  org('zephyr-sports', 'Zephyr Sports', 'business', 14_256, ['retail', 'warehouse']),
  org('amberfield', 'Amberfield Farm Store', 'starter', 348, ['food']),
  org('basalt-brewing', 'Basalt Brewing Co.', 'business', 3_564, ['food']),
  org('copperpot', 'Copperpot Kitchenware', 'starter', 1_044, ['retail']),
  org('dunmore-books', 'Dunmore Books', 'free', 0, ['retail'], { domain: 'dunmorebooks.example.net' }),
  org('elmstreet-vet', 'Elm Street Vet Clinic', 'business', 2_376, ['healthcare']),
  org('foxglove', 'Foxglove Florists', 'starter', 348, ['retail']),
  org('granite-peak', 'Granite Peak Outdoor', 'business', 18_900, ['retail', 'warehouse', 'multi_location']),
  org('hollis-print', 'Hollis Print & Sign', 'starter', 696, ['services']),
  org('indigo-threads', 'Indigo Threads Boutique', 'free', 0, ['retail']),
  org('juniper-labs', 'Juniper Labs Cosmetics', 'business', 8_316, ['manufacturing', 'warehouse']),
  org('kilnworks', 'Kilnworks Ceramics', 'free', 0, ['manufacturing']),
  org('lakeside-marine', 'Lakeside Marine Parts', 'business', 6_534, ['retail', 'warehouse']),
  org('mosaic-toys', 'Mosaic Toy Co.', 'starter', 1_044, ['retail']),
  org('northgate-auto', 'Northgate Auto Spares', 'business', 21_384, ['retail', 'warehouse', 'multi_location']),
  org('orchard-lane', 'Orchard Lane Cider', 'starter', 348, ['food']),
  org('paper-crane', 'Paper Crane Stationery', 'free', 0, ['retail'], { domain: 'papercrane.example.org' }),
  org('quarry-tools', 'Quarry Tool Rental', 'business', 4_158, ['services']),
  org('riverbend-deli', 'Riverbend Deli', 'starter', 348, ['food']),
  org('sundial-optics', 'Sundial Optics', 'business', 3_960, ['healthcare', 'retail']),
  org('thistle-tea', 'Thistle & Thorn Tea House', 'free', 0, ['food'], { domain: 'thistleandthorn.example.net' }),
  org('umber-leather', 'Umber Leather Goods', 'starter', 696, ['retail', 'manufacturing']),
  org('vantage-repair', 'Vantage Electronics Repair', 'business', 2_970, ['services']),
  org('wharfside', 'Wharfside Fishmongers', 'starter', 348, ['food']),
  org('bramble-kids', 'Bramble Kids Clothing', 'free', 0, ['retail']),
  org('cinder-cafe', 'Cinder Cafe', 'starter', 348, ['food']),
  org('delta-ridge', 'Delta Ridge Dental Supply', 'business', 12_474, ['healthcare', 'warehouse']),
  // Customers abroad: their people write in their own language now and then.
  org('el-faro', 'Ferretería El Faro', 'starter', 696, ['retail', 'es'], { domain: 'elfaro.example.com', market: 'es' }),
  org('atelier-lumiere', 'Atelier Lumière', 'business', 3_168, ['retail', 'fr'], { domain: 'atelier-lumiere.example.org', market: 'fr' }),
  org('bergmann', 'Bergmann Werkzeuge GmbH', 'business', 9_900, ['warehouse', 'de'], { domain: 'bergmann-werkzeuge.example.net', market: 'de' }),
  org('mercadinho-sol', 'Mercadinho Sol', 'starter', 348, ['food', 'pt'], { domain: 'mercadinhosol.example.com', market: 'pt' }),
  org('sakura-zakka', 'Sakura Zakka', 'starter', 1_044, ['retail', 'ja'], { domain: 'sakura-zakka.example.net', market: 'ja' }),
  org('cartoleria-bellini', 'Cartoleria Bellini', 'starter', 348, ['retail', 'it'], { domain: 'bellini.example.org', market: 'it' }),
];

export const ALL_ORGANIZATIONS: readonly OrgRecord[] = [...LARGE_ACCOUNTS, PROSPECT, ...SMALL_ACCOUNTS];
export const LARGE_ACCOUNT_KEYS: readonly string[] = LARGE_ACCOUNTS.map((o) => o.key);
export const PROSPECT_KEY = PROSPECT.key;

/** ARR at or above this makes an account VIP even without the enterprise plan. */
export const VIP_ARR = 50_000;

/** The design's VIP rule: enterprise plan, high ARR, or an open sales opportunity. */
export function isVipOrganization(o: InboxOrganization): boolean {
  return o.fields.plan === 'enterprise' || o.fields.arr >= VIP_ARR || o.fields.open_opportunity;
}

/** A prospect has an open opportunity and no revenue yet; its asks belong to the revenue team. */
export function isProspect(o: InboxOrganization): boolean {
  return o.fields.open_opportunity && o.fields.arr === 0;
}

export function findOrganization(key: string | undefined): OrgRecord | undefined {
  return key === undefined ? undefined : ALL_ORGANIZATIONS.find((o) => o.key === key);
}

/** The public shape, without the generator's private fields. */
export function publicOrganization(o: OrgRecord): InboxOrganization {
  return { key: o.key, name: o.name, tags: [...o.tags], fields: { ...o.fields } };
}
