/**
 * Anchors of draft comments: the passage's start and end as Yjs relative positions, which
 * follow the text through everyone's later edits (unlike ProseMirror offsets). Converting
 * between ProseMirror positions and relative positions needs the binding's node mapping: the
 * editor's (ySyncPluginKey) in the browser, initProseMirrorDoc's in tests.
 */
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import * as Y from 'yjs';

export interface Anchor {
  start: string;
  end: string;
  quote: string;
}

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The anchor of the passage between ProseMirror positions `from` and `to`. */
export function anchorFor(doc: ProseMirrorNode, fragment: Y.XmlFragment, mapping: Mapping, from: number, to: number): Anchor {
  // y-tiptap's relative positions stick to the character before them: right for the end
  // (typing just after a passage stays outside it); the start must stick to the passage's
  // first character instead, or typing just before the passage would join it.
  const before = absolutePositionToRelativePosition(from, fragment, mapping);
  const at = Y.createAbsolutePositionFromRelativePosition(before, fragment.doc!);
  const start = at ? Y.createRelativePositionFromTypeIndex(at.type, at.index, 0) : before;
  const end = absolutePositionToRelativePosition(to, fragment, mapping);
  return {
    start: toBase64(Y.encodeRelativePosition(start)),
    end: toBase64(Y.encodeRelativePosition(end)),
    quote: doc.textBetween(from, to, ' ').slice(0, 2000),
  };
}

/**
 * Where the passage is now, in ProseMirror positions; null once it is gone (deleted, or
 * collapsed to nothing): the thread is then "detached".
 */
export function resolveAnchor(ydoc: Y.Doc, fragment: Y.XmlFragment, mapping: Mapping, anchor: Pick<Anchor, 'start' | 'end'>): { from: number; to: number } | null {
  // Resolved in two steps: to a Yjs index now, then to ProseMirror through a position of the
  // kind y-tiptap makes (its check for the document's first position expects those).
  const toProseMirror = (encoded: string) => {
    const at = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(encoded)), ydoc);
    if (!at || at.type._item?.deleted) return null;
    return relativePositionToAbsolutePosition(ydoc, fragment, Y.createRelativePositionFromTypeIndex(at.type, at.index, -1), mapping);
  };
  try {
    const from = toProseMirror(anchor.start);
    const to = toProseMirror(anchor.end);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null;
  }
}
