/**
 * The hand-written workbook, opened up: the package parts Excel needs, the cells as typed, and
 * text that would break the XML (or Excel's rules on sheet names) made safe.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnName, sheetNames, toXlsx } from './xlsx.ts';

const rows: (string | number | null)[][] = [
  ['Organization', 'Sessions attended', 'Minutes', 'Note'],
  ['Ла Страда Україна', 3, 12.5, null],
  ['Caritas Österreich & <Partners> "Vienna"', 0, -4, '=HYPERLINK("http://evil")'],
  ['bell\u0007 and NUL\u0000 gone', null, 2, '  spaced\nline  '],
];

function unzip(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

describe('toXlsx', () => {
  const files = unzip(toXlsx([{ name: 'Participation', rows }, { name: 'Sessions', rows: [['Title'], ['Opening', 'extra']] }]));
  const sheet = files['xl/worksheets/sheet1.xml']!;

  it('has the parts of a workbook, each declared and related', () => {
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort(),
    );
    const types = files['[Content_Types].xml']!;
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>');
    expect(types).toContain('<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(types).toContain('<Override PartName="/xl/styles.xml"');
    expect(files['_rels/.rels']).toContain('Target="xl/workbook.xml"');
    const rels = files['xl/_rels/workbook.xml.rels']!;
    expect(rels).toContain('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>');
    expect(rels).toContain('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>');
    expect(rels).toContain('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
    expect(files['xl/workbook.xml']).toContain('<sheets><sheet name="Participation" sheetId="1" r:id="rId1"/><sheet name="Sessions" sheetId="2" r:id="rId2"/></sheets>');
  });

  it('writes strings inline, numbers as values and nulls as nothing', () => {
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Ла Страда Україна</t></is></c><c r="B2"><v>3</v></c><c r="C2"><v>12.5</v></c></row>');
    expect(sheet).toContain('<c r="C3"><v>-4</v></c>');
    expect(sheet).not.toMatch(/<c r="D2"/);
    expect(sheet).toContain('<c r="A4" t="inlineStr"><is><t xml:space="preserve">bell and NUL gone</t></is></c><c r="C4"><v>2</v></c>');
    expect(sheet).toContain('<t xml:space="preserve">  spaced\nline  </t>');
    expect(sheet).toContain('<dimension ref="A1:D4"/>');
    expect(files['xl/worksheets/sheet2.xml']).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">extra</t></is></c>');
  });

  it('escapes text, and a leading = stays text', () => {
    expect(sheet).toContain('Caritas Österreich &amp; &lt;Partners&gt; &quot;Vienna&quot;</t>');
    expect(sheet).toContain('<t xml:space="preserve">=HYPERLINK(&quot;http://evil&quot;)</t>');
    expect(sheet).not.toContain('<f>');
    expect(sheet).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('makes the first row bold and keeps it in view', () => {
    const styles = files['xl/styles.xml']!;
    expect(styles).toContain('<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/>');
    expect(styles).toContain('<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>');
    const header = /<row r="1">(.*?)<\/row>/.exec(sheet)![1]!;
    expect(header.match(/<c [^>]*s="1"/g)).toHaveLength(4);
    expect(/<row r="2">(.*?)<\/row>/.exec(sheet)![1]).not.toContain('s="1"');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  });

  it('still makes a workbook with no sheet or no rows', () => {
    const empty = unzip(toXlsx([]));
    expect(empty['xl/workbook.xml']).toContain('<sheet name="Sheet1" sheetId="1" r:id="rId1"/>');
    expect(empty['xl/worksheets/sheet1.xml']).toContain('<sheetData></sheetData>');
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
    const files = unzip(toXlsx([{ name: 'a&b <c>', rows: [] }]));
    expect(files['xl/workbook.xml']).toContain('<sheet name="a&amp;b &lt;c&gt;"');
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
