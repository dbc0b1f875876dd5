/**
 * What each cited organization is asked to check: every passage of the summary (its text blocks,
 * numbered as `passagesOf` numbers them) that cites one of the organization's positions, with the
 * paragraphs it cites. Free of the database: the summary's page uses the same walk in the browser
 * to find a passage again when the secretariat accepts a correction.
 */
import type { PaperNodeJson } from '../papers/sanitize.ts';
import { citationsIn } from './citations.ts';
import { passageText } from './passages.ts';

export interface PassageToReview {
  organizationId: string;
  /** The passage's number among the summary's passages (1-based, headings excluded). */
  passage: number;
  text: string;
  cites: { versionId: string; versionNumber: number; paragraph: number }[];
}

const textblocks = new Set(['paragraph', 'heading', 'codeBlock']);

/** Every (organization, passage) pair of the summary where the passage cites the organization. */
export function passagesToReview(document: unknown): PassageToReview[] {
  const found: PassageToReview[] = [];
  let number = 0;
  const walk = (node: PaperNodeJson, depth: number) => {
    if (depth > 64 || typeof node !== 'object' || node === null) return;
    if (textblocks.has(node.type)) {
      const text = passageText(node);
      if (text === '' || node.type === 'heading') return;
      number += 1;
      const byOrganization = new Map<string, PassageToReview>();
      for (const c of citationsIn(node)) {
        if (!c.organizationId || !c.versionId || c.paragraph === null) continue;
        const entry = byOrganization.get(c.organizationId) ?? { organizationId: c.organizationId, passage: number, text, cites: [] };
        if (!entry.cites.some((x) => x.versionId === c.versionId && x.paragraph === c.paragraph)) entry.cites.push({ versionId: c.versionId, versionNumber: c.versionNumber ?? 0, paragraph: c.paragraph });
        byOrganization.set(c.organizationId, entry);
      }
      found.push(...byOrganization.values());
      return;
    }
    for (const child of Array.isArray(node.content) ? node.content : []) walk(child, depth + 1);
  };
  if (document && typeof document === 'object') walk(document as PaperNodeJson, 0);
  return found;
}

/** Who reviewed: an organization has when it answered on every passage citing it. */
export function reviewOutcome(passages: { organizationId: string; organizationName: string; answered: boolean }[]) {
  const organizations = new Map<string, { name: string; answered: number; total: number }>();
  for (const p of passages) {
    const o = organizations.get(p.organizationId) ?? { name: p.organizationName, answered: 0, total: 0 };
    o.total += 1;
    if (p.answered) o.answered += 1;
    organizations.set(p.organizationId, o);
  }
  const all = [...organizations.entries()].map(([id, o]) => ({ id, ...o }));
  return {
    cited: all.length,
    reviewed: all.filter((o) => o.answered === o.total).length,
    /** Organizations that left a passage without an answer, by name. */
    notAnswered: all.filter((o) => o.answered < o.total).map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
