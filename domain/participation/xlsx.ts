/**
 * A minimal Office Open XML workbook, written by hand: the participation record needs plain
 * cells, a bold header row kept in view, and nothing a spreadsheet library would add. Strings
 * are inline (no shared-string table to keep in step), and a cell's text is never a formula in
 * XLSX, so the CSV export's guard against `=…` is not needed here.
 */
import { strToU8, zipSync } from 'fflate';

export interface Sheet {
  name: string;
  rows: (string | number | null)[][];
}

// Characters XML 1.0 cannot carry; a stray one makes Excel refuse the whole file.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
/** Excel's own limit on the characters of one cell. */
const MAX_CELL = 32767;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function xml(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
}

/** A, B, …, Z, AA, AB, … */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Excel refuses a workbook whose sheet names are empty, longer than 31 characters, hold any of
 * []:*?/\ , start or end with an apostrophe, repeat (ignoring case) or say "History".
 */
export function sheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw, i) => {
    let base = Array.from(raw.replace(NOT_XML, '').replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, ''))
      .slice(0, 31)
      .join('')
      .trim();
    if (base === '' || base.toLowerCase() === 'history') base = `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = Array.from(base).slice(0, 31 - suffix.length).join('') + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function cell(value: string | number | null, ref: string, style: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // NaN and infinities have no spelling in a cell: left empty rather than corrupting the file.
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
  }
  const text = Array.from(String(value)).slice(0, MAX_CELL).join('');
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xml(text)}</t></is></c>`;
}

/** Column widths from the longest text in each column, within reason. */
function columns(rows: Sheet['rows']): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((value, i) => {
      const length = value === null ? 0 : String(value).split('\n').reduce((n, line) => Math.max(n, line.length), 0);
      widths[i] = Math.max(widths[i] ?? 8, Math.min(60, length + 2));
    });
  }
  if (widths.length === 0) return '';
  return `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
}

function worksheet(sheet: Sheet, selected: boolean): string {
  const rows = sheet.rows.map((row, r) => {
    const style = r === 0 ? ' s="1"' : '';
    const cells = row.map((value, c) => cell(value, `${columnName(c)}${r + 1}`, style)).join('');
    return `<row r="${r + 1}">${cells}</row>`;
  });
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 1);
  const height = Math.max(1, sheet.rows.length);
  // The header row stays in view while scrolling, as people expect of an exported table.
  const frozen = sheet.rows.length > 1 ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:${columnName(width - 1)}${height}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${frozen}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columns(sheet.rows) +
    `<sheetData>${rows.join('')}</sheetData>` +
    '</worksheet>'
  );
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  // Excel requires these two fills first, whatever the workbook uses.
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export function toXlsx(sheets: Sheet[]): Uint8Array {
  // A workbook without a sheet does not open.
  const all = sheets.length ? sheets : [{ name: 'Sheet1', rows: [] }];
  const names = sheetNames(all.map((s) => s.name));
  const header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      header +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        all.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      header +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      header +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<bookViews><workbookView activeTab="0"/></bookViews>' +
        `<sheets>${names.map((name, i) => `<sheet name="${xml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
        '</workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      header +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        all.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${all.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  all.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheet(sheet, i === 0));
  });
  return zipSync(files, { level: 6 });
}
