/**
 * What a reader of a PDF would see, for tests: the page count, and the text, each font's glyph
 * codes read back through its ToUnicode map. Compressed streams (FlateDecode) are inflated
 * first, so it reads the files the platform sends as they are. Made for pdfkit's output (each
 * TJ on a line of its own).
 */
import { inflateSync } from 'node:zlib';

/** The PDF as text, every Flate stream inflated in place. */
export function uncompressed(bytes: Uint8Array | string): string {
  const pdf = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('latin1');
  return pdf.replace(/(\/Filter \/FlateDecode[^]*?stream\r?\n)([^]*?)(\r?\nendstream)/g, (whole, head: string, body: string, tail: string) => {
    try {
      return head + inflateSync(Buffer.from(body, 'latin1')).toString('latin1') + tail;
    } catch {
      return whole;
    }
  });
}

/** How many pages the document has. */
export function pageCount(bytes: Uint8Array | string): number {
  return Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(uncompressed(bytes))?.[1] ?? 0);
}

/** The text of every page, in order. */
export function pdfText(bytes: Uint8Array | string): string {
  return textOf(uncompressed(bytes));
}

/** The text a reader would see: each font's glyph codes read back through its ToUnicode map. */
function textOf(pdf: string): string {
  const objects = new Map<string, string>();
  for (const m of pdf.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(m[1]!, m[2]!);
  const unicode = new Map<string, Map<number, string>>();
  for (const [id, body] of objects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(body);
    if (!toUnicode) continue;
    const map = new Map<number, string>();
    for (const range of objects.get(toUnicode[1]!)!.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
      const start = parseInt(range[1]!, 16);
      // A ligature maps to several characters, written with spaces between them: <0066 0066 0069>.
      [...range[2]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((dst, i) => {
        const units = dst[1]!.replace(/ /g, '').match(/.{4}/g)!.map((u) => parseInt(u, 16));
        map.set(start + i, String.fromCharCode(...units));
      });
    }
    unicode.set(id, map);
  }
  const fontIds = new Map<string, string>();
  for (const m of pdf.matchAll(/\/(F\d+) (\d+) 0 R/g)) fontIds.set(m[1]!, m[2]!);
  let out = '';
  let current: Map<number, string> | undefined;
  // pdfkit writes each TJ on a line of its own; staying within a line keeps this linear over binary data.
  for (const m of pdf.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]\n]*)\] TJ/g)) {
    if (m[1]) current = unicode.get(fontIds.get(m[1])!);
    else for (const hex of m[2]!.matchAll(/<([0-9a-f]*)>/g)) out += (hex[1]!.match(/.{4}/g) ?? []).map((g) => current?.get(parseInt(g, 16)) ?? '\ufffd').join('');
  }
  return out;
}

