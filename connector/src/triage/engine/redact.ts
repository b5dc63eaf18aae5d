/**
 * Personal data is redacted before any text leaves for an external model: e-mail addresses,
 * card numbers, phone numbers and street addresses become placeholders ([email], [card],
 * [phone], [address]). The model needs what the customer wants, not who they are.
 * Errs on the side of redacting: a date or an amount that looks like a phone number is
 * a smaller loss than a leaked number.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** 13-19 digits, optionally in groups separated by spaces or dashes. */
const CARD_CANDIDATE = /(?<![\d+-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

/** +country, (area), groups: "+1 (555) 123-4567", "020 7946 0958", "555.123.4567", "+4915112345678". */
const PHONE_CANDIDATE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,8}){1,4}(?!\w)|(?<![\w+])\+\d{8,15}(?!\w)/g;

const STREET_SUFFIX =
  'street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|parkway|pkwy|square|sq|highway|hwy|close|crescent|cres|alley|row';
/** "221B Baker Street", "1600 Amphitheatre Pkwy, Apt 4", "12 rue de la Paix". */
const STREET_NUMBER_FIRST = new RegExp(
  `\\b\\d{1,5}[A-Za-z]?,?\\s+(?:(?:[\\p{Lu}][\\p{L}'.-]*|of|the|de|la|du|des)\\s+){0,4}(?:${STREET_SUFFIX})\\b\\.?(?:,?\\s*(?:apt|apartment|suite|unit|flat|#)\\.?\\s*[\\w-]+)?`,
  'giu',
);
const STREET_FRENCH = /\b\d{1,5},?\s+(?:rue|avenue|boulevard|bd|place|chemin|allée)\s+(?:[\p{L}'-]+\s+){0,4}?[\p{Lu}][\p{L}'-]+/gu;
/** "Hauptstraße 5", "Kerkstraat 12a", "Via Roma 10". */
const STREET_NAME_FIRST = /\b[\p{Lu}][\p{L}-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|straat|laan|gracht)\s+\d{1,5}[a-z]?\b|\b(?:via|calle|rua|avenida|piazza)\s+[\p{Lu}][\p{L}' -]{1,40}?,?\s+\d{1,5}\b/gu;
/** UK postcodes ("SW1A 1AA"). US ZIP codes alone are not redacted: they look like order numbers. */
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function redactCards(text: string): string {
  return text.replace(CARD_CANDIDATE, (m) => {
    const digits = m.replace(/\D/g, '');
    // Grouped in fours like a card, or passing the card checksum: redact.
    const cardShaped = /^\d{4}([ -]\d{4}){2,3}([ -]\d{1,4})?$/.test(m);
    return cardShaped || luhnValid(digits) ? '[card]' : m;
  });
}

function redactPhones(text: string): string {
  return text.replace(PHONE_CANDIDATE, (m) => {
    const digits = m.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) return m;
    if (/^\d{4}-\d{2}-\d{2}$/.test(m.trim()) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(m.trim())) return m; // dates
    return '[phone]';
  });
}

export function redactPII(text: string): string {
  let out = text.replace(EMAIL, '[email]');
  out = redactCards(out);
  out = out.replace(STREET_NUMBER_FIRST, '[address]');
  out = out.replace(STREET_FRENCH, '[address]');
  out = out.replace(STREET_NAME_FIRST, '[address]');
  out = out.replace(UK_POSTCODE, '[address]');
  return redactPhones(out);
}
