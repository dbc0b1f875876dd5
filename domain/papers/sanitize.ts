/**
 * The only way HTML derived from a position paper leaves the server: a strict allow-list
 * sanitizer, and the conversions (ProseMirror JSON, Yjs document) that all end in it.
 */
import { getSchema } from '@tiptap/core';
import { generateHTML } from '@tiptap/html';
import type { NodeType, Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { countWords } from './word-count.ts';
import sanitizeHtml from 'sanitize-html';
import * as Y from 'yjs';
import { isSafeUrl, LINK_REL, LINK_TARGET, paperExtensions } from './editor-schema.ts';
import { agreedJson } from './suggestions.ts';

/** A mark as it appears in ProseMirror JSON. */
export interface PaperMarkJson {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node as it appears in ProseMirror JSON (what Tiptap's `getJSON()` gives). */
export interface PaperNodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PaperNodeJson[];
  marks?: PaperMarkJson[];
  text?: string;
}

/** Everything derived from a paper's collaborative document. */
export interface PaperContent {
  json: PaperNodeJson;
  html: string;
  text: string;
  wordCount: number;
  /** Suggested changes still open: the rest is the agreed text, without them (ADR 027). */
  openSuggestions: number;
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

const ALLOWED_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'strong', 'em', 's', 'code', 'pre', 'ul', 'ol', 'li',
  'blockquote', 'br', 'hr', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'cite',
];

/**
 * Disallowed tags whose whole content goes too (not only their text: the sanitizer skips the
 * subtree). Includes sanitize-html's defaults and the raw-text elements of the HTML parser,
 * whose text it would otherwise pass through unescaped.
 */
const DROP_WITH_CONTENT = [
  'script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'noscript',
  'textarea', 'option', 'select', 'xmp', 'noembed', 'noframes', 'plaintext', 'title', 'head', 'frameset',
];

const SPAN = /^[1-9]\d{0,2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_START = /^-?\d{1,9}$/;

/** Keeps the table cell spans that are small positive integers, nothing else. */
function cellAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const name of ['colspan', 'rowspan']) {
    const value = attribs[name]?.trim();
    if (value !== undefined && SPAN.test(value)) kept[name] = value;
  }
  return { tagName, attribs: kept };
}

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    cite: ['data-version', 'data-paragraph', 'data-organization'],
  },
  allowedClasses: {},
  allowedStyles: {},
  // A second, independent scheme check after `isSafeUrl` in the transform below.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [],
  allowedScriptHostnames: [],
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  selfClosing: ['br', 'hr'],
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  transformTags: {
    // Every link opens apart and carries no referrer; an unsafe href is dropped, the text kept.
    a: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = { rel: LINK_REL, target: LINK_TARGET };
      // `attribs` are already entity-decoded: this is the exact value the browser would follow.
      if (typeof attribs.href === 'string' && isSafeUrl(attribs.href)) kept.href = attribs.href;
      return { tagName, attribs: kept };
    },
    th: cellAttributes,
    td: cellAttributes,
    // A citation's identifiers are a UUID and a paragraph number, nothing else.
    cite: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = {};
      for (const name of ['data-version', 'data-organization']) if (UUID.test(attribs[name] ?? '')) kept[name] = attribs[name]!;
      if (/^[1-9]\d{0,5}$/.test(attribs['data-paragraph'] ?? '')) kept['data-paragraph'] = attribs['data-paragraph']!;
      return { tagName, attribs: kept };
    },
    ol: (tagName, attribs) => {
      const start = attribs.start?.trim();
      const kept: sanitizeHtml.Attributes = {};
      if (start !== undefined && LIST_START.test(start)) kept.start = start;
      return { tagName, attribs: kept };
    },
  },
};

/** Why: the single allow-list every piece of paper HTML passes before it leaves the server. */
export function sanitizePaperHtml(html: string): string {
  if (typeof html !== 'string' || html === '') return '';
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// ProseMirror JSON
// ---------------------------------------------------------------------------------------------

let cachedSchema: Schema | undefined;
function paperSchema(): Schema {
  cachedSchema ??= getSchema(paperExtensions);
  return cachedSchema;
}

/** Deeper than any real paper; stops stack exhaustion by a hostile document. */
const MAX_DEPTH = 64;
const MAX_ATTRIBUTE_LENGTH = 2048;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function has(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Validates one attribute value; `undefined` means "drop it and let the schema default apply". */
function cleanAttribute(owner: string, name: string, value: unknown): unknown {
  if (value === null) return null;
  switch (`${owner}.${name}`) {
    case 'heading.level':
      return isInteger(value, 1, 4) ? value : undefined;
    case 'orderedList.start':
      return isInteger(value, -999_999_999, 999_999_999) ? value : undefined;
    case 'orderedList.type':
      return typeof value === 'string' && /^[1aAiI]$/.test(value) ? value : undefined;
    case 'codeBlock.language':
      return typeof value === 'string' && /^[\w+#.-]{1,32}$/.test(value) ? value : undefined;
    case 'tableCell.colspan':
    case 'tableCell.rowspan':
    case 'tableHeader.colspan':
    case 'tableHeader.rowspan':
      return isInteger(value, 1, 999) ? value : undefined;
    case 'tableCell.colwidth':
    case 'tableHeader.colwidth':
      return Array.isArray(value) && value.length <= 999 && value.every((w) => isInteger(w, 0, 100_000)) ? [...value] : undefined;
    case 'tableCell.align':
    case 'tableHeader.align':
      return value === 'left' || value === 'center' || value === 'right' ? value : undefined;
  }
  if (typeof value === 'string') return value.length <= MAX_ATTRIBUTE_LENGTH ? value : undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return undefined;
}

/** Keeps only the attributes the schema declares for this node or mark, with sane values. */
function cleanAttributes(owner: string, declared: Record<string, unknown> | undefined, given: unknown): Record<string, unknown> | undefined {
  if (!declared || !isPlainObject(given)) return undefined;
  const kept: Record<string, unknown> = {};
  for (const name of Object.keys(declared)) {
    if (!has(given, name)) continue;
    const value = cleanAttribute(owner, name, given[name]);
    if (value !== undefined) kept[name] = value;
  }
  return Object.keys(kept).length ? kept : undefined;
}

function cleanMarks(schema: Schema, given: unknown): PaperMarkJson[] | undefined {
  if (!Array.isArray(given)) return undefined;
  const marks: PaperMarkJson[] = [];
  const seen = new Set<string>();
  for (const mark of given) {
    if (!isPlainObject(mark) || typeof mark.type !== 'string' || !has(schema.marks, mark.type) || seen.has(mark.type)) continue;
    if (mark.type === 'link') {
      // Only the href comes from the document; rel and target are always ours.
      const href = isPlainObject(mark.attrs) ? mark.attrs.href : undefined;
      if (typeof href !== 'string' || !isSafeUrl(href)) continue;
      marks.push({ type: 'link', attrs: { href } });
    } else {
      const attrs = cleanAttributes(mark.type, schema.marks[mark.type]!.spec.attrs, mark.attrs);
      marks.push(attrs ? { type: mark.type, attrs } : { type: mark.type });
    }
    seen.add(mark.type);
  }
  return marks.length ? marks : undefined;
}

/**
 * One JSON node → the nodes to keep in its place. A node of an unknown type is replaced by its
 * (cleaned) children, so text written inside it survives as text; arrays are flattened (y-tiptap
 * gives an array for each Y.XmlText).
 */
function cleanNode(schema: Schema, given: unknown, depth: number): PaperNodeJson[] {
  if (depth > MAX_DEPTH) return [];
  if (Array.isArray(given)) return given.flatMap((item) => cleanNode(schema, item, depth));
  if (!isPlainObject(given) || typeof given.type !== 'string') return [];
  const type = given.type;
  if (type === 'text') {
    if (typeof given.text !== 'string' || given.text === '') return [];
    const marks = cleanMarks(schema, given.marks);
    return [marks ? { type, text: given.text, marks } : { type, text: given.text }];
  }
  const nodeType = type !== schema.topNodeType.name && has(schema.nodes, type) ? schema.nodes[type] : undefined;
  if (!nodeType) return cleanChildren(schema, given.content, depth + 1) ?? [];
  const node: PaperNodeJson = { type };
  const attrs = cleanAttributes(type, nodeType.spec.attrs, given.attrs);
  if (attrs) node.attrs = attrs;
  if (!nodeType.isLeaf) {
    const content = cleanChildren(schema, given.content, depth + 1);
    if (content) node.content = fitContent(schema, nodeType, content);
  }
  return [node];
}

function isInlineJson(schema: Schema, node: PaperNodeJson): boolean {
  return node.type === 'text' || schema.nodes[node.type]?.isInline === true;
}

function inlineDescendants(schema: Schema, node: PaperNodeJson): PaperNodeJson[] {
  return (node.content ?? []).flatMap((child) => (isInlineJson(schema, child) ? [child] : inlineDescendants(schema, child)));
}

/**
 * Repairs what unwrapping (or a hostile document) leaves: blocks inside a textblock give up their
 * inline content; inline nodes loose among blocks are gathered into paragraphs.
 */
function fitContent(schema: Schema, parent: NodeType, content: PaperNodeJson[]): PaperNodeJson[] {
  if (parent.inlineContent) return content.flatMap((child) => (isInlineJson(schema, child) ? [child] : inlineDescendants(schema, child)));
  const fitted: PaperNodeJson[] = [];
  let loose: PaperNodeJson[] = [];
  const flush = () => {
    if (loose.length) fitted.push({ type: 'paragraph', content: loose });
    loose = [];
  };
  for (const child of content) {
    if (isInlineJson(schema, child)) loose.push(child);
    else {
      flush();
      fitted.push(child);
    }
  }
  flush();
  return fitted;
}

function cleanChildren(schema: Schema, given: unknown, depth: number): PaperNodeJson[] | undefined {
  if (!Array.isArray(given)) return undefined;
  const content = given.flatMap((child) => cleanNode(schema, child, depth));
  return content.length ? content : undefined;
}

/** The document with only node/mark types and attributes of the paper schema, or null if it is no document. */
function cleanDocument(json: unknown): PaperNodeJson | null {
  const schema = paperSchema();
  if (!isPlainObject(json) || json.type !== schema.topNodeType.name) return null;
  const content = cleanChildren(schema, json.content, 1);
  return content ? { type: json.type, content: fitContent(schema, schema.topNodeType, content) } : { type: json.type };
}

function renderCleanDocument(doc: PaperNodeJson): string {
  try {
    return sanitizePaperHtml(generateHTML(doc, paperExtensions));
  } catch {
    return '';
  }
}

/**
 * Why: content from outside the editor (an imported Word document) keeps only what the paper
 * schema allows, exactly as the server's own view of a document does; null if it is no document.
 */
export function cleanPaperJson(json: unknown): PaperNodeJson | null {
  try {
    return cleanDocument(json);
  } catch {
    return null;
  }
}

/** Why: editor JSON (possibly hostile or from an older schema) → safe HTML, never an exception. */
export function paperJsonToHtml(json: unknown): string {
  try {
    const doc = cleanDocument(json);
    return doc ? renderCleanDocument(doc) : '';
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Plain text
// ---------------------------------------------------------------------------------------------

function inlineText(node: PaperNodeJson): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

/** Pushes the text of each textblock; inline nodes loose in a container make one block together. */
function collectBlocks(schema: Schema, node: PaperNodeJson, blocks: string[]): void {
  const type = schema.nodes[node.type];
  if (type?.isTextblock) {
    blocks.push(inlineText(node));
    return;
  }
  let loose = '';
  for (const child of node.content ?? []) {
    const childType = schema.nodes[child.type];
    if (child.type === 'text' || childType?.isInline) {
      loose += inlineText(child);
      continue;
    }
    if (loose) blocks.push(loose);
    loose = '';
    collectBlocks(schema, child, blocks);
  }
  if (loose) blocks.push(loose);
}

function plainText(doc: PaperNodeJson): string {
  const blocks: string[] = [];
  collectBlocks(paperSchema(), doc, blocks);
  return blocks
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Yjs
// ---------------------------------------------------------------------------------------------

/** Same shape as y-tiptap's JSON, but skips whatever is neither Y.XmlElement nor Y.XmlText. */
function tolerantFragmentToJson(fragment: Y.XmlFragment): PaperNodeJson {
  const serialize = (item: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) return [];
    if (item instanceof Y.XmlText) {
      return item.toDelta().map((d: { insert?: unknown; attributes?: Record<string, unknown> }) => ({
        type: 'text',
        text: d.insert,
        marks: Object.entries(d.attributes ?? {}).map(([name, attrs]) => ({ type: name.replace(/--[a-zA-Z0-9+/=]{8}$/, ''), attrs })),
      }));
    }
    if (item instanceof Y.XmlElement) {
      return { type: item.nodeName, attrs: item.getAttributes(), content: item.toArray().map((child) => serialize(child, depth + 1)) };
    }
    return [];
  };
  return { type: 'doc', content: fragment.toArray().map((item) => serialize(item, 0)) as PaperNodeJson[] };
}

const EMPTY_DOCUMENT: PaperNodeJson = { type: 'doc' };

/**
 * Why: the server's view of a collaborative paper (the 'default' Y.XmlFragment, which anyone with
 * write access can fill with any XML) as clean JSON, sanitized HTML, plain text and a word count.
 */
export function yDocToPaper(doc: Y.Doc): PaperContent {
  let raw: unknown;
  try {
    const fragment = doc.getXmlFragment('default');
    try {
      raw = yXmlFragmentToProsemirrorJSON(fragment);
    } catch {
      raw = tolerantFragmentToJson(fragment);
    }
  } catch {
    raw = EMPTY_DOCUMENT;
  }
  let json: PaperNodeJson;
  try {
    json = cleanDocument(raw) ?? { ...EMPTY_DOCUMENT };
  } catch {
    json = { ...EMPTY_DOCUMENT };
  }
  // Everything derived is the agreed text: open suggestions are left out (inserted text does
  // not count yet, text proposed for deletion still does), and never reach a submitted version.
  const agreed = agreedJson(json);
  const text = plainText(agreed.json);
  return { json: agreed.json, html: renderCleanDocument(agreed.json), text, wordCount: countWords(text), openSuggestions: agreed.open };
}
