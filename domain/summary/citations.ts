/**
 * Citations in the summary's document and what they cover. Free of the database: the summary's
 * page runs these in the browser as the text changes.
 */
import type { PaperNodeJson } from '../papers/sanitize.ts';

/** What a citation needs of a position: whose, which version. */
export interface Cited {
  organizationId: string;
  organizationName: string;
  versionId: string;
  versionNumber: number;
}

export interface CitationRef {
  organizationId: string | null;
  organizationName: string | null;
  versionId: string | null;
  versionNumber: number | null;
  paragraph: number | null;
}

/** Every citation node of a document, in order. */
export function citationsIn(document: unknown): CitationRef[] {
  const found: CitationRef[] = [];
  const walk = (node: PaperNodeJson, depth: number) => {
    if (depth > 64 || typeof node !== 'object' || node === null) return;
    if (node.type === 'citation') {
      const a = node.attrs ?? {};
      const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
      const number = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
      found.push({ organizationId: text(a.organizationId), organizationName: text(a.organizationName), versionId: text(a.versionId), versionNumber: number(a.versionNumber), paragraph: number(a.paragraph) });
      return;
    }
    for (const child of Array.isArray(node.content) ? node.content : []) walk(child, depth + 1);
  };
  if (document && typeof document === 'object') walk(document as PaperNodeJson, 0);
  return found;
}

/** Which positions the summary cites (any version of the organization's paper counts) and which not yet. */
export function coverage<P extends Cited>(positions: P[], citations: CitationRef[]) {
  const count = new Map<string, number>();
  for (const c of citations) if (c.organizationId) count.set(c.organizationId, (count.get(c.organizationId) ?? 0) + 1);
  const cited = positions.filter((p) => count.has(p.organizationId)).map((p) => ({ ...pick(p), citations: count.get(p.organizationId)! }));
  const notCited = positions.filter((p) => !count.has(p.organizationId)).map(pick);
  return { cited, notCited };
}

const pick = (p: Cited) => ({ organizationId: p.organizationId, organizationName: p.organizationName, versionId: p.versionId, versionNumber: p.versionNumber });

/** The attributes of a citation node pointing to a paragraph of a position. */
export function citationAttrs(p: Cited, paragraph: number) {
  return { organizationId: p.organizationId, organizationName: p.organizationName, versionId: p.versionId, versionNumber: p.versionNumber, paragraph };
}

