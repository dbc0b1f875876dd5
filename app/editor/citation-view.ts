/**
 * The summary's citations in the editor: the shared node, drawn as a focusable reference whose
 * source passage shows on hover and on focus (WCAG 1.4.13: it stays while hovered, and Escape
 * is not needed because it is not a popup over other content but a described-by text).
 */
import { Citation, citationLabel } from '../../domain/papers/editor-schema.ts';

export interface CitationSource {
  /** The cited paragraph, or null when the reader may not see that version. */
  passage: string | null;
}

let nextId = 0;

/** `lookup` is read at each drawing, so sources loaded later (a new version) are used. */
export function citationWithSources(lookup: () => (versionId: string, paragraph: number) => CitationSource | undefined, words: { unavailable: string }) {
  return Citation.extend({
    addNodeView() {
      return ({ node }) => {
        const dom = document.createElement('cite');
        dom.className = 'citation';
        dom.tabIndex = 0;
        dom.contentEditable = 'false';
        dom.dataset.version = String(node.attrs.versionId ?? '');
        dom.dataset.paragraph = String(node.attrs.paragraph ?? '');
        dom.append(citationLabel(node.attrs));
        const source = lookup()(String(node.attrs.versionId), Number(node.attrs.paragraph));
        const tip = document.createElement('span');
        tip.className = 'citation-source';
        tip.id = `citation-source-${(nextId += 1)}`;
        tip.setAttribute('role', 'tooltip');
        tip.textContent = source?.passage ? `“${source.passage}”` : words.unavailable;
        dom.append(tip);
        dom.setAttribute('aria-describedby', tip.id);
        return { dom };
      };
    },
  });
}
