/**
 * RFC 4180 CSV: fields separated by commas, quoted fields may hold commas, line breaks and
 * doubled quotes (""). Each row keeps the line it starts on, so problems can name it.
 * A spreadsheet export is the CRM of many small teams; no dependency needed for this.
 */
export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  values: string[];
}

export class CsvSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let values: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // spreadsheet BOM
  const endRow = () => {
    values.push(field);
    // A blank line is not a row of one empty value.
    if (!(values.length === 1 && values[0]!.trim() === '')) rows.push({ line: rowLine, values });
    values = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      field = '';
      inQuotes = true;
      quoteLine = line;
    } else if (c === ',') {
      values.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (inQuotes) throw new CsvSyntaxError(`line ${quoteLine}: a quoted value is never closed`, quoteLine);
  if (field !== '' || values.length > 0) endRow();
  return rows;
}
