/**
 * Two tone signals that sentiment words miss: shouting (mostly capitals over a minimum
 * length, so "HELP" or an order code is not shouting) and the same message sent again
 * and again (the customer feels unheard, whatever the words say).
 */

export interface ShoutingReading {
  shouting: boolean;
  /** Share of letters in capitals, 0..1. */
  capitalsRatio: number;
  letters: number;
}

export function readShouting(text: string, minLetters: number, capitalsRatio: number): ShoutingReading {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      // ASCII, most of every message: only A-Z and a-z have case there.
      if (code >= 0x41 && code <= 0x5a) (letters++, upper++);
      else if (code >= 0x61 && code <= 0x7a) letters++;
      continue;
    }
    // Letters with case only: scripts without case (Chinese, Arabic) cannot shout this way.
    const lower = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lower === up) continue;
    letters++;
    if (ch === up) upper++;
  }
  const ratio = letters === 0 ? 0 : upper / letters;
  return { shouting: letters >= minLetters && ratio >= capitalsRatio, capitalsRatio: Math.round(ratio * 100) / 100, letters };
}

/** Case, spacing and punctuation do not make a message different. */
export function messageFingerprint(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How many times this message has now been sent: 1 + identical earlier customer messages. */
export function timesSent(current: string, earlierCustomerMessages: string[]): number {
  if (earlierCustomerMessages.length === 0) return 1; // a first message: nothing to compare
  const fp = messageFingerprint(current);
  if (fp === '') return 1;
  return 1 + earlierCustomerMessages.filter((m) => messageFingerprint(m) === fp).length;
}
