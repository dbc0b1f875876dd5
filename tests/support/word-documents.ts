/**
 * Word documents made by the tests with the `docx` package (what Word itself writes: a ZIP of
 * WordprocessingML), and the bad files an import must refuse.
 */
import { deflateRawSync } from 'node:zlib';
import { Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A 1×1 PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A short position with a heading of each level used, a table, a footnote, a list, a link and two images. */
export async function samplePosition(): Promise<Buffer> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('Footnote text about returns.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Imported heading', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'A second-level heading', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [new TextRun('Safe pathways matter'), new FootnoteReferenceRun(1), new TextRun({ text: ' and bold words', bold: true }), new TextRun({ text: ' in italics', italics: true })],
          }),
          new Paragraph({ text: 'First bullet', bullet: { level: 0 } }),
          new Paragraph({ text: 'Second bullet', bullet: { level: 0 } }),
          new Paragraph({ children: [new ExternalHyperlink({ link: 'https://www.iom.int/', children: [new TextRun({ text: 'IOM site', style: 'Hyperlink' })] })] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 10, height: 10 } }), new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 10, height: 10 } })] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Country')] }), new TableCell({ children: [new Paragraph('Returns')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Ukraine')] }), new TableCell({ children: [new Paragraph('1200')] })] }),
            ],
          }),
          new Paragraph('Closing paragraph.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A long paper: `pages` pages of about 2,500 characters, `tables` tables and `notes` footnotes
 * spread through it (the benchmark's 40-page document).
 */
export async function longPosition({ characters, tables, notes }: { characters: number; tables: number; notes: number }): Promise<Buffer> {
  const sentence = 'Migrants in transit need safe and regular pathways, access to services and protection from exploitation. ';
  const paragraphs = Math.ceil(characters / (sentence.length * 5));
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (let n = 1; n <= notes; n++) footnotes[n] = { children: [new Paragraph(`Note ${n}: source and figures.`)] };
  const children: Array<Paragraph | Table> = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 20 === 0) children.push(new Paragraph({ text: `Section ${i / 20 + 1}`, heading: HeadingLevel.HEADING_2 }));
    const runs: Array<TextRun | FootnoteReferenceRun> = [new TextRun(sentence.repeat(5).trim())];
    const note = Math.floor((i * notes) / paragraphs) + 1;
    if (Math.floor(((i - 1) * notes) / paragraphs) + 1 !== note && note <= notes) runs.push(new FootnoteReferenceRun(note));
    children.push(new Paragraph({ children: runs }));
    if (Math.floor((i * tables) / paragraphs) !== Math.floor(((i + 1) * tables) / paragraphs)) {
      children.push(
        new Table({
          rows: [0, 1, 2, 3].map((r) => new TableRow({ children: [0, 1, 2].map((c) => new TableCell({ children: [new Paragraph(`Row ${r} column ${c}`)] })) })),
        }),
      );
    }
  }
  return Packer.toBuffer(new Document({ footnotes, sections: [{ children }] }));
}

/**
 * A zip bomb dressed as a .docx: `parts` parts of 16 MiB of zeros each (about 16 KiB packed),
 * written by hand so the test never holds the unpacked bytes.
 */
export function zipBomb(parts = 32): Buffer {
  const zeros = deflateRawSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
  const files: Array<{ name: string; data: Buffer; size: number; method: number }> = [
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), size: 8, method: 0 },
    ...Array.from({ length: parts }, (_, i) => ({ name: `word/part${i}.xml`, data: zeros, size: 16 * 1024 * 1024, method: 8 })),
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(f.method, 8);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(f.method, 10);
    central.writeUInt32LE(f.data.length, 20);
    central.writeUInt32LE(f.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, f.data);
    centrals.push(central, name);
    offset += 30 + name.length + f.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Word's encrypted .docx is an OLE compound file holding an "EncryptedPackage" stream. */
export function encryptedDocx(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(4096);
  Buffer.from('EncryptionInfo', 'utf16le').copy(body, 1024);
  Buffer.from('EncryptedPackage', 'utf16le').copy(body, 1152);
  return Buffer.concat([header, body]);
}

/** A text file renamed .docx. */
export function renamedText(): Buffer {
  return Buffer.from('This is a plain text file, renamed to look like a Word document.\n'.repeat(20));
}

/** A real .docx cut short: the ZIP's directory is gone. */
export async function truncatedDocx(): Promise<Buffer> {
  const whole = await samplePosition();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A file over the 10 MB limit (the 20 MB test). */
export function twentyMegabytes(): Buffer {
  const file = Buffer.alloc(20 * 1024 * 1024, 0x41);
  file.writeUInt32LE(0x04034b50, 0);
  return file;
}
