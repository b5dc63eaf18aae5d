/**
 * Reduce a customer e-mail to what the customer wrote this time: quoted earlier mail,
 * signatures, mobile footers and legal disclaimers are cut before anything classifies it.
 * Without this, "On Tue, Support wrote: > Your refund was processed" would make every reply
 * look like a refund request, and a bank's disclaimer would look like a legal threat.
 */

/** Lines that open a quoted earlier message; everything from here on is history. */
const QUOTE_HEADERS: RegExp[] = [
  /^\s*on\b.{0,200}\bwrote:\s*$/i, // Gmail / Apple Mail: "On Mon, 5 Jan 2025, Ann <a@x> wrote:"
  /^\s*-{2,}\s*original message\s*-{2,}\s*$/i, // Outlook
  /^\s*-{2,}\s*forwarded message\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook web separator line
  /^\s*from:\s.+$/i, // Outlook header block "From: ... Sent: ..." (only cut when followed by Sent:/Date:)
  /^\s*le\b.{0,200}\ba écrit\s*:\s*$/i,
  /^\s*am\b.{0,200}\bschrieb\b.{0,100}:\s*$/i,
  /^\s*el\b.{0,200}\bescribió:\s*$/i,
];

/** Lines that open a signature or a device footer. */
const SIGNATURE_STARTS: RegExp[] = [
  /^--\s*$/, // RFC 3676 "-- " delimiter (trailing space often lost)
  /^\s*sent from my \w+/i,
  /^\s*sent from (outlook|mail|yahoo mail)\b/i,
  /^\s*get outlook for (ios|android)\s*$/i,
];

/**
 * A sign-off line: "Regards," / "Kind regards, Tom" / "Thanks!" / "Appreciate it," / "Have a
 * good day" alone on its line.
 */
const SIGN_OFF_WORDS =
  /^\s*(?:(?:(?:kind(?:est)?|best|warm(?:est)?|many|with)\s+)?(?:regards|thanks|thank you|cheers|best|sincerely|br|thx|best wishes|greetings|rgds)(?:\s+(?:in advance|again|so much|a lot))?|(?:i\s+)?(?:really\s+)?appreciate it|much appreciated|all the best|take care|talk soon|have a (?:good|nice|great|lovely) (?:day|one|weekend|evening))\s*[,.!]?\s*/i;
/** What may follow the sign-off on the same line: a capitalised name, nothing else. */
const SIGN_OFF_NAME = /^(?:[A-Z][\p{L}.'-]*(?:\s+[A-Z][\p{L}.'-]*){0,2})?\s*$/u;

function isSignOff(line: string): boolean {
  const m = SIGN_OFF_WORDS.exec(line);
  return m !== null && SIGN_OFF_NAME.test(line.slice(m[0].length));
}

/** Paragraphs that start a legal disclaimer; cut from there to the end. */
const DISCLAIMER_STARTS: RegExp[] = [
  /^\s*(confidentiality( notice)?|disclaimer|legal notice|privileged (and|&) confidential)\b/i,
  /^\s*this (e-?mail|message|communication)( and any (attachments?|files?))?( transmitted with it)? (is|are|may be) (confidential|intended (solely|only))/i,
  /^\s*the information (contained )?in this (e-?mail|message|communication)/i,
  /^\s*if you (are not|have received this) (the intended recipient|(e-?mail|message) in error)/i,
  /^\s*please consider the environment before printing/i,
];

/** How many short lines may follow a sign-off and still count as signature (name, title, phone). */
const MAX_SIGNATURE_LINES = 6;
const MAX_SIGNATURE_LINE_LENGTH = 80;

/** Any character normalizePunctuation changes; most messages have none, and cost one test. */
const NEEDS_NORMALIZING = /[\r\u2018\u2019\u02bc\u0060\u00b4\u201c\u201d\u00a0]/;

export function normalizePunctuation(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u00a0/g, ' ');
}

function isOutlookHeaderBlock(lines: string[], i: number): boolean {
  const next = lines.slice(i + 1, i + 4).join('\n');
  return /^\s*(sent|date|to|subject):/im.test(next);
}

/** Cut the quoted history: the first quote header, and any line starting with ">". */
function stripQuoted(lines: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = QUOTE_HEADERS.find((re) => re.test(line));
    if (header && (!/^\s*from:/i.test(line) || isOutlookHeaderBlock(lines, i))) break;
    // "On Mon, Jan 5, 2025 at 10:00 AM Ann <ann@x.com>" wrapped onto a second "wrote:" line.
    if (/^\s*on\b.{0,200}$/i.test(line) && /^\s*wrote:\s*$/i.test(lines[i + 1] ?? '')) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept;
}

function stripDisclaimer(lines: string[]): string[] {
  const at = lines.findIndex((line) => DISCLAIMER_STARTS.some((re) => re.test(line)));
  return at > 0 ? lines.slice(0, at) : lines;
}

function stripSignature(lines: string[]): string[] {
  const hard = lines.findIndex((line) => SIGNATURE_STARTS.some((re) => re.test(line)));
  let kept = hard > 0 ? lines.slice(0, hard) : hard === 0 ? [] : lines;
  // A sign-off only counts when what follows is short (a name, a title, a phone number):
  // "Thanks, the reset worked" in the middle of a message must stay.
  for (let i = kept.length - 1; i >= 1; i--) {
    if (!isSignOff(kept[i]!)) continue;
    const tail = kept.slice(i + 1).filter((l) => l.trim() !== '');
    if (tail.length <= MAX_SIGNATURE_LINES && tail.every((l) => l.length <= MAX_SIGNATURE_LINE_LENGTH)) {
      kept = kept.slice(0, i);
    }
    break;
  }
  return kept;
}

/**
 * The customer's own words in this message. Returns '' when nothing is left (a bare
 * forward, an empty reply above a quote), which callers treat as "nothing to classify".
 */
export function cleanMessage(raw: string): string {
  let lines = normalizePunctuation(raw).split('\n');
  lines = stripQuoted(lines);
  lines = stripDisclaimer(lines);
  lines = stripSignature(lines);
  return lines
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
