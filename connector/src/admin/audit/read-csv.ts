/**
 * A CSV reader that survives the files helpdesk exports and spreadsheets actually produce
 * (RFC 4180 quoting, CRLF, quoted newlines) and reports what it cannot read instead of giving
 * up: a quote that never closes, or text after a closing quote, spoils one record, and reading
 * resumes on the next line. Hand-written (60 lines) because the CSV libraries either stop at
 * the first bad record or silently swallow the rest of the file into one field.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (what an admin looks for in an editor). */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  problem: string;
}

export function parseCsv(text: string, delimiter = ','): { records: CsvRecord[]; problems: CsvProblem[] } {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let pos = 0;
  let line = 1;
  while (pos < src.length) {
    const start = { pos, line };
    const result = readRecord(src, pos, line, delimiter);
    if ('error' in result) {
      problems.push({ line: start.line, problem: result.error });
      // Skip the physical line the bad record started on and try again from the next one.
      const nl = src.indexOf('\n', start.pos);
      pos = nl < 0 ? src.length : nl + 1;
      line = start.line + 1;
      continue;
    }
    pos = result.next;
    line = result.line;
    const blank = result.fields.length === 1 && result.fields[0]!.trim() === '';
    if (!blank) records.push({ line: start.line, fields: result.fields });
  }
  return { records, problems };
}

type ReadResult = { fields: string[]; next: number; line: number } | { error: string };

function readRecord(src: string, from: number, line: number, delimiter: string): ReadResult {
  const fields: string[] = [];
  let field = '';
  let i = from;
  let quoted = false;
  let afterQuote = false;
  for (;;) {
    if (i >= src.length) {
      if (quoted) return { error: 'a quoted field is never closed (missing ")' };
      fields.push(field);
      return { fields, next: i, line };
    }
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
        i++;
      } else {
        if (c === '\n') line++;
        field += c;
        i++;
      }
      continue;
    }
    if (c === delimiter || c === '\n' || (c === '\r' && src[i + 1] === '\n')) {
      fields.push(field);
      field = '';
      afterQuote = false;
      if (c === delimiter) {
        i++;
        continue;
      }
      const next = i + (c === '\r' ? 2 : 1);
      return { fields, next, line: line + 1 };
    }
    if (afterQuote) {
      if (c === ' ' || c === '\t') {
        i++;
        continue;
      }
      return { error: `text after a closing quote in column ${fields.length + 1} (a quote inside a quoted field must be doubled: "")` };
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i++;
      continue;
    }
    // A lone quote inside an unquoted field (5" screen) is kept as text, as spreadsheets do.
    field += c;
    i++;
  }
}
