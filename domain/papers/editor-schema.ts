/**
 * The one Tiptap schema of position papers, shared by the browser editor and the server
 * (conversion of the Yjs document to JSON/HTML/text). Nothing browser-only may be imported here.
 */
import { Node, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { SuggestedDeletion, SuggestedInsertion } from './suggestion-marks.ts';

/** Schemes a link may use; anything else (javascript:, vbscript:, data:, file:, …) is refused. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The few named character references that matter for hiding a scheme (names compared case-insensitively). */
const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  bsol: '\\',
  lpar: '(',
  rpar: ')',
  period: '.',
  comma: ',',
  semi: ';',
  excl: '!',
  num: '#',
  percnt: '%',
  equals: '=',
  quest: '?',
  plus: '+',
  hyphen: '-',
  dash: '-',
  lowbar: '_',
  zwsp: '\u200b',
  zwnj: '\u200c',
  zwj: '\u200d',
  shy: '\u00ad',
};

function codePointOrReplacement(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    ? String.fromCodePoint(code)
    : '\ufffd';
}

/**
 * Decodes character references once, as a browser would: numeric ones with or without ';',
 * named ones with ';' (so a query such as `?a=1&tab=2` is left alone).
 */
function decodeEntitiesOnce(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+);?|#(\d+);?|([a-z][a-z0-9]*);)/gi, (match, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined) return codePointOrReplacement(parseInt(hex.slice(0, 8), 16));
    if (dec !== undefined) return codePointOrReplacement(parseInt(dec.slice(0, 8), 10));
    const named = NAMED_ENTITIES[name!.toLowerCase()];
    return named ?? match;
  });
}

/** Decodes nested encodings (`&amp;#106;` → `&#106;` → `j`) until stable, a bounded number of times. */
function decodeEntities(value: string): string {
  let current = value;
  for (let i = 0; i < 5; i++) {
    const next = decodeEntitiesOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// Whitespace (incl. NBSP, line/paragraph separators), C0/C1 controls, DEL, zero-width and bidi
// formatting characters, soft hyphen, BOM, and U+FFFD left by a broken reference.
const SUSPICIOUS = '\\s\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufffd';
const HAS_SUSPICIOUS = new RegExp(`[${SUSPICIOUS}]`, 'u');
const ALL_SUSPICIOUS = new RegExp(`[${SUSPICIOUS}]`, 'gu');

/** True when this reading of the URL names no scheme or an allowed one, and does not leave the site silently. */
function hasAcceptableScheme(reading: string): boolean {
  // Browsers drop tabs/newlines and leading controls before reading the scheme: do the same, and more.
  const url = reading.replace(ALL_SUSPICIOUS, '');
  // `//host` and `\\host` (browsers read `\` as `/`) leave the site without showing a scheme.
  if (/^[\\/]{2}/.test(url)) return false;
  // A scheme is what a browser takes as one: a letter, then letters/digits/+/./-, then ':'.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (!scheme) return true;
  const name = scheme[1]!.toLowerCase();
  if (!ALLOWED_SCHEMES.has(name)) return false;
  if (name === 'mailto') return url.length > 'mailto:'.length;
  // http(s) must name a host: refuses `https:evil`, `http:/x`, `https://@x` and similar oddities.
  return /^https?:\/\/[^/\\?#@]/i.test(url);
}

/**
 * Why: one URL policy for the editor (link mark) and the server sanitizer. Accepts http:, https:,
 * mailto:, relative paths and `#fragment`; refuses every other scheme and any obfuscation
 * (entities, percent-encoded schemes, whitespace or control characters anywhere, mixed case).
 */
export function isSafeUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return false;
  const decoded = decodeEntities(url);
  // What the HTML parser hands the browser must be clean as is: no whitespace, no controls.
  if (HAS_SUSPICIOUS.test(url) || HAS_SUSPICIOUS.test(decoded)) return false;
  const percentDecoded = percentDecode(decoded);
  for (const reading of [url, decoded, percentDecoded, decodeEntities(percentDecoded)]) {
    if (!hasAcceptableScheme(reading)) return false;
  }
  return true;
}

/** Attributes every rendered link carries: no opener access, no referrer, no SEO endorsement. */
export const LINK_REL = 'noopener noreferrer nofollow';
export const LINK_TARGET = '_blank';

/** Why: the browser editor and the server must build exactly the same schema from the same list. */
/**
 * A citation in the secretariat's summary: it names an organization, one submitted version of its
 * paper and a paragraph of it (numbered from 1 in document order, see domain/summary/passages.ts).
 * An atom, so the reference cannot be half-edited; the label is kept so that it reads the same
 * to someone who may not see the version.
 */
export const Citation = Node.create({
  name: 'citation',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    const data = (name: string, numeric = false) => ({
      default: null,
      parseHTML: (element: HTMLElement) => {
        const value = element.getAttribute(`data-${name}`);
        return numeric && value !== null ? Number(value) : value;
      },
      renderHTML: () => ({}),
    });
    return {
      organizationId: data('organization'),
      organizationName: data('organization-name'),
      versionId: data('version'),
      versionNumber: data('version-number', true),
      paragraph: data('paragraph', true),
    };
  },
  parseHTML() {
    return [{ tag: 'cite[data-version]' }];
  },
  renderHTML({ node }) {
    const a = node.attrs;
    return [
      'cite',
      { 'data-version': a.versionId ?? '', 'data-paragraph': String(a.paragraph ?? ''), 'data-organization': a.organizationId ?? '' },
      citationLabel(a),
    ];
  },
  renderText({ node }) {
    return citationLabel(node.attrs);
  },
});

/** "[La Strada Ukraine, v1, ¶3]": the same in every language, like a bibliographic key. */
export function citationLabel(a: { organizationName?: unknown; versionNumber?: unknown; paragraph?: unknown }): string {
  return `[${String(a.organizationName ?? '?')}, v${String(a.versionNumber ?? '?')}, ¶${String(a.paragraph ?? '?')}]`;
}

export const paperExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3, 4] },
    // Collaboration (Yjs) brings its own undo history.
    undoRedo: false,
    // Not part of the paper format (the sanitizer has no <u>).
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ['http', 'https', 'mailto'],
      HTMLAttributes: { rel: LINK_REL, target: LINK_TARGET },
      isAllowedUri: (url) => isSafeUrl(url),
    },
  }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  Citation,
  // Suggested changes (ADR 027).
  SuggestedInsertion,
  SuggestedDeletion,
];
