/**
 * What a file that claims to be a .docx really is, judged before any converter opens it: a Word
 * document is a ZIP package; an encrypted one (and the old .doc format) is an OLE compound file;
 * anything else is not a Word document. The ZIP's central directory (what the converter, jszip,
 * reads) is walked here: what it declares is bounded, then every entry is inflated once while
 * counting, no further than it declares, so that a zip bomb (huge ratios, lying sizes, entries
 * overlapping the same data) is refused before it costs memory or much time.
 */
import { Inflate } from 'fflate';

/** Why a file was not imported; each has a sentence in the three languages (`errors.import.*`). */
export type WordFileRefusal = 'not-docx' | 'legacy-doc' | 'encrypted' | 'corrupt' | 'too-large' | 'too-much-inside' | 'too-long' | 'empty';

export class WordFileRefused extends Error {
  constructor(readonly reason: WordFileRefusal) {
    super(`word file refused: ${reason}`);
  }
}

/** The largest .docx taken (the figure). */
export const maxWordFileBytes = 10 * 1024 * 1024;
/**
 * What its parts may unpack to, all together. Text XML packs about 10:1; a 40-page paper is a
 * few megabytes unpacked. A bomb is refused at this bound, before the converter sees it.
 */
export const maxUnpackedBytes = 100 * 1024 * 1024;
const maxEntries = 5000;

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Why: refuse, with the right reason, everything that is not a sound, reasonably sized Word
 * package, so the converter only ever meets one. Throws `WordFileRefused`.
 */
export function checkWordPackage(file: Uint8Array): void {
  if (file.byteLength > maxWordFileBytes) throw new WordFileRefused('too-large');
  if (file.byteLength === 0) throw new WordFileRefused('empty');
  if (OLE_MAGIC.every((byte, i) => file[i] === byte)) {
    // Word keeps an encrypted .docx as an OLE file with an "EncryptedPackage" stream; without it,
    // this is the Word 97–2003 format.
    throw new WordFileRefused(containsUtf16(file, 'EncryptedPackage') ? 'encrypted' : 'legacy-doc');
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.byteLength < 30 || view.getUint32(0, true) !== ZIP_LOCAL) throw new WordFileRefused('not-docx');
  const entries = centralDirectory(view);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !entries.some((e) => e.name.startsWith('word/'))) throw new WordFileRefused('not-docx');
  if (entries.some((e) => e.flags & 1)) throw new WordFileRefused('encrypted');
  // What the directory declares is refused at once when too much (an honest bomb costs nothing);
  // each part is then inflated no further than it declares (a lying one is stopped there).
  if (entries.reduce((total, e) => total + e.size, 0) > maxUnpackedBytes) throw new WordFileRefused('too-much-inside');
  let unpacked = 0;
  for (const entry of entries) {
    unpacked += inflatedSize(file, view, entry, maxUnpackedBytes - unpacked);
  }
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function centralDirectory(view: DataView): Entry[] {
  // The end record is within the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new WordFileRefused('corrupt');
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  // 0xffff / 0xffffffff mean ZIP64, which no 10 MB Word document needs.
  if (count === 0xffff || offset === 0xffffffff) throw new WordFileRefused('too-much-inside');
  if (count > maxEntries) throw new WordFileRefused('too-much-inside');
  const entries: Entry[] = [];
  let at = offset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== ZIP_CENTRAL) throw new WordFileRefused('corrupt');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > view.byteLength) throw new WordFileRefused('corrupt');
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry, counting; refuses it past `budget` bytes or when it is not what it says. */
function inflatedSize(file: Uint8Array, view: DataView, entry: Entry, budget: number): number {
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== ZIP_LOCAL) throw new WordFileRefused('corrupt');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > file.byteLength) throw new WordFileRefused('corrupt');
  if (entry.size > budget) throw new WordFileRefused('too-much-inside');
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw new WordFileRefused('corrupt');
    return entry.size;
  }
  if (entry.method !== 8) throw new WordFileRefused('corrupt');
  let produced = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size) over = true;
  });
  try {
    // In small steps (4 KiB packed is at most ~4 MB unpacked), so a lying part is stopped soon
    // after the size it declares, not after all of it.
    const step = 4 * 1024;
    for (let i = start; i < end && !over; i += step) inflate.push(file.subarray(i, Math.min(i + step, end)), i + step >= end);
  } catch {
    throw new WordFileRefused('corrupt');
  }
  // More or less than the directory declares (jszip checks it too): a forged or damaged package.
  if (over || produced !== entry.size) throw new WordFileRefused('corrupt');
  return produced;
}

function containsUtf16(file: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  // The directory of an OLE file is near its start or end; a plain scan is fast enough at 10 MB.
  outer: for (let i = 0; i <= file.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (file[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
