/**
 * Reading and writing CSV for the participation record. Reading works on bytes, line by line, so
 * that a file saved in another encoding than UTF-8 is reported row by row instead of being
 * imported as garbled names.
 */

export interface CsvLine {
  /** 1-based line number in the file, as a spreadsheet shows it. */
  line: number;
  /** The fields, or null when the line is not UTF-8 text. */
  fields: string[] | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits CSV bytes into lines of fields (RFC 4180 quoting, `,` or `;` as the separator, whichever
 * the header uses). Quoted fields may hold line breaks; such a record keeps its first line number.
 */
export function readCsv(bytes: Uint8Array): CsvLine[] {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const rawLines: { line: number; text: string | null }[] = [];
  let lineNumber = 1;
  for (let i = start; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    let end = i;
    if (end > start && bytes[end - 1] === 0x0d) end -= 1;
    let text: string | null;
    try {
      text = utf8.decode(bytes.subarray(start, end));
      // A NUL is no text either (and the database refuses it): reported like a line not in UTF-8.
      if (text.includes('\u0000')) text = null;
    } catch {
      text = null;
    }
    rawLines.push({ line: lineNumber, text });
    lineNumber += 1;
    start = i + 1;
  }
  const header = rawLines.find((l) => l.text !== null && l.text.trim() !== '')?.text ?? '';
  const separator = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';

  const result: CsvLine[] = [];
  let pending: { line: number; text: string } | null = null;
  for (const raw of rawLines) {
    if (raw.text === null) {
      if (pending) result.push({ line: pending.line, fields: null });
      pending = null;
      result.push({ line: raw.line, fields: null });
      continue;
    }
    const text: string = pending ? `${pending.text}\n${raw.text}` : raw.text;
    const line: number = pending?.line ?? raw.line;
    const fields = splitFields(text, separator);
    if (fields === 'open-quote') {
      pending = { line, text };
      continue;
    }
    pending = null;
    result.push({ line, fields });
  }
  if (pending) result.push({ line: pending.line, fields: splitFields(`${pending.text}"`, separator) as string[] });
  return result;
}

function splitFields(text: string, separator: string): string[] | 'open-quote' {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  if (quoted) return 'open-quote';
  fields.push(field.trim());
  return fields;
}

/** A CSV field: quoted, quotes doubled; a leading formula character is neutralised for spreadsheets. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows → CSV text with a BOM (so that spreadsheets read UTF-8) and CRLF line ends. */
export function writeCsv(rows: (string | number | null)[][]): string {
  return `\ufeff${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
