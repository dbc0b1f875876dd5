/**
 * The hand-written workbook, read back by a spreadsheet reader (read-excel-file, which parses
 * the package as Excel would): the sheets, the cells as typed, and text that would break the XML
 * (or Excel's rules on sheet names) made safe. Only what a reader does not report (the bold,
 * frozen header row) is checked in the XML itself.
 */
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { columnName, sheetNames, toXlsx } from './xlsx.ts';

const rows: (string | number | null)[][] = [
  ['Organization', 'Sessions attended', 'Minutes', 'Note'],
  ['Ла Страда Україна', 3, 12.5, null],
  ['Caritas Österreich & <Partners> "Vienna"', 0, -4, '=HYPERLINK("http://evil")'],
  ['bell\u0007 and NUL\u0000 gone', null, 2, '  spaced\nline  '],
];

// Untrimmed: spaces around a cell's text are part of what was written.
const read = (bytes: Uint8Array) => readXlsxFile(Buffer.from(bytes), { trim: false });

function unzip(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

describe('toXlsx, read back', () => {
  const bytes = toXlsx([{ name: 'Participation', rows }, { name: 'Sessions', rows: [['Title'], ['Opening', 'extra']] }]);

  it('opens as a workbook with its sheets, in order', async () => {
    expect((await read(bytes)).map((s) => s.sheet)).toEqual(['Participation', 'Sessions']);
  });

  it('gives back strings as strings, numbers as numbers and nothing as empty', async () => {
    const [participation, sessions] = await read(bytes);
    expect(participation!.data[0]).toEqual(['Organization', 'Sessions attended', 'Minutes', 'Note']);
    expect(participation!.data[1]).toEqual(['Ла Страда Україна', 3, 12.5, null]);
    expect(participation!.data[2]!.slice(1, 3)).toEqual([0, -4]);
    expect(participation!.data[3]).toEqual(['bell and NUL gone', null, 2, '  spaced\nline  ']);
    expect(sessions!.data).toEqual([
      ['Title', null],
      ['Opening', 'extra'],
    ]);
  });

  it('keeps markup and a leading = as text, never a formula', async () => {
    const [participation] = await read(bytes);
    expect(participation!.data[2]![0]).toBe('Caritas Österreich & <Partners> "Vienna"');
    expect(participation!.data[2]![3]).toBe('=HYPERLINK("http://evil")');
    expect(unzip(bytes)['xl/worksheets/sheet1.xml']).not.toContain('<f>');
  });

  it('makes the first row bold and keeps it in view (which a reader does not report)', () => {
    const files = unzip(bytes);
    const sheet = files['xl/worksheets/sheet1.xml']!;
    expect(files['xl/styles.xml']).toContain('<font><b/>');
    expect(/<row r="1">(.*?)<\/row>/.exec(sheet)![1]!.match(/<c [^>]*s="1"/g)).toHaveLength(4);
    expect(sheet).toContain('state="frozen"');
  });

  it('still makes a workbook a reader opens with no sheet or no rows', async () => {
    const sheets = await read(toXlsx([]));
    expect(sheets.map((s) => s.sheet)).toEqual(['Sheet1']);
    expect(sheets[0]!.data).toEqual([]);
  });
});

describe('sheet names and columns', () => {
  it('follows Excel rules on sheet names', () => {
    expect(sheetNames(['Round 3: a/b [draft]?*', 'x'.repeat(40), 'Sessions', 'sessions', '', "'quoted'", 'History', 'a&b'])).toEqual([
      'Round 3 a b draft',
      'x'.repeat(31),
      'Sessions',
      'sessions (2)',
      'Sheet5',
      'quoted',
      'Sheet7',
      'a&b',
    ]);
  });

  it('writes a sheet name with markup characters that a reader gives back as it was', async () => {
    expect((await read(toXlsx([{ name: 'a&b <c>', rows: [['x']] }]))).map((s) => s.sheet)).toEqual(['a&b <c>']);
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
