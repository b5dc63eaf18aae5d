/**
 * Find the order number in a customer's message: "order NW-123456", "#1234",
 * "order number is 123456789", "my order 55512 hasn't arrived". Errs towards finding
 * nothing: a wrong number sends the customer someone else's status (the lookup checks
 * the e-mail, but still), while no number just means the generic reply. So phone
 * numbers, dates, prices, years, quantities ("order 1000 units"), ticket and apartment
 * numbers are not order numbers.
 */

/** Words between "order" and the number that make the number explicit. */
const CONNECTOR = String.raw`(?:number|num|no\.?|nr\.?|n°|id|ref(?:erence)?|code|is|was|:|=|#)`;
/** "order 123456", "order no. 1234", "purchase #NW-1234", "confirmation code: AB1234". */
const IN_CONTEXT = new RegExp(String.raw`\b(?:order|purchase|confirmation)s?\b((?:\s*${CONNECTOR})*)\s*#?\s*([A-Za-z]{1,4}-?\d{3,12}|\d{3,12})(?![\w#])`, 'giu');
/** "NW-123456" anywhere: uppercase prefix, dash, at least five digits. */
const PREFIXED = /(?<![\w-])([A-Z]{2,4}-\d{5,12})(?![\w-])/g;
/** "#1234" anywhere (not "&#123;", not part of a word, not Zendesk's "[#123]" ticket number in a subject). */
const HASHED = /(?<![\w&#[])#\s?(\d{3,12})(?![\w#])/g;

/** Prefixes that are standards, products or vulnerabilities, not orders. */
const NOT_ORDER_PREFIXES = new Set(['ISO', 'RFC', 'CVE', 'SKU', 'COVID', 'UTC', 'GMT', 'PIN']);
/** What "#123" after these words numbers instead of an order. */
const NOT_ORDER_BEFORE_HASH = /\b(?:ticket|case|request|issue|bug|pr|apt|apartment|suite|unit|room|flat|floor|building|bldg|house|box|invoice|step|item|rank|no\.?)\s*$/i;
/** "order 1000 units": a quantity. */
const QUANTITY_AFTER = /^\s*(?:x\b|units?\b|items?\b|pieces?\b|pcs\b|boxes\b|bottles\b|copies\b|more\b|of\b|kg\b|lbs?\b)/i;

interface Candidate {
  at: number;
  number: string;
}

/** Continues as a grouped number, a date, a decimal or a time: "555-123-4567", "2024-01-15", "12.50", "10:30". */
function continuesAsOtherNumber(text: string, end: number): boolean {
  return /^(?:[-./,:]\d|\s\d{2,}\b)/.test(text.slice(end, end + 4));
}

function startsAsOtherNumber(text: string, start: number): boolean {
  return /(?:[+$€£¥]|\d[-./,:]|\d\s)\s?$/.test(text.slice(Math.max(0, start - 3), start));
}

export function extractOrderNumbers(text: string): string[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(IN_CONTEXT)) {
    const token = m[2]!;
    const start = m.index! + m[0].length - token.length;
    const end = m.index! + m[0].length;
    const explicit = m[1]!.trim() !== '' || /#\s*[\w-]+$/.test(m[0]);
    const digits = token.replace(/\D/g, '').length;
    const lettered = /[A-Za-z]/.test(token);
    if (!explicit && !lettered && digits < 5) continue; // "order 2024", "order 1000 units"
    if (lettered && NOT_ORDER_PREFIXES.has(token.replace(/-?\d+$/, '').toUpperCase())) continue;
    if (lettered && !/\d{4,}/.test(token) && !explicit) continue; // "order a123" is not a number
    if (continuesAsOtherNumber(text, end) || startsAsOtherNumber(text, start)) continue;
    if (QUANTITY_AFTER.test(text.slice(end))) continue;
    found.push({ at: start, number: token.toUpperCase() });
  }
  for (const m of text.matchAll(PREFIXED)) {
    const token = m[1]!;
    if (NOT_ORDER_PREFIXES.has(token.slice(0, token.indexOf('-')))) continue;
    if (continuesAsOtherNumber(text, m.index! + token.length)) continue;
    found.push({ at: m.index!, number: token });
  }
  for (const m of text.matchAll(HASHED)) {
    const end = m.index! + m[0].length;
    if (NOT_ORDER_BEFORE_HASH.test(text.slice(Math.max(0, m.index! - 24), m.index!))) continue;
    if (continuesAsOtherNumber(text, end)) continue;
    found.push({ at: m.index! + m[0].length - m[1]!.length, number: m[1]! });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((c) => c.number))];
}

/** The first order number in the text, or null. */
export function extractOrderNumber(text: string): string | null {
  return extractOrderNumbers(text)[0] ?? null;
}
