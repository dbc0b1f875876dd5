/**
 * Anchors through concurrent edits, on real Yjs documents synced both ways and the paper's
 * real schema: the passage is found again after edits before it, inside it and after it, by
 * both editors; deleting it detaches the thread.
 */
import { getSchema } from '@tiptap/core';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { anchorFor, resolveAnchor } from './comment-anchors.ts';

const schema = getSchema(paperExtensions);

function paragraphs(doc: Y.Doc, ...texts: string[]) {
  doc.getXmlFragment('default').push(
    texts.map((text) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** The text an anchor covers in a document now, or null when detached. */
function anchored(doc: Y.Doc, anchor: { start: string; end: string }) {
  const fragment = doc.getXmlFragment('default');
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, schema);
  const range = resolveAnchor(doc, fragment, mapping, anchor);
  return range ? pm.textBetween(range.from, range.to, ' ') : null;
}

function anchorOn(doc: Y.Doc, passage: string) {
  const fragment = doc.getXmlFragment('default');
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, schema);
  let from = -1;
  pm.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf(passage) : -1;
    if (at >= 0 && from < 0) from = pos + at;
  });
  return anchorFor(pm, fragment, mapping, from, from + passage.length);
}

const textOf = (doc: Y.Doc, paragraph: number) => (doc.getXmlFragment('default').get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;

describe('anchors of draft comments', () => {
  it('follow the passage through concurrent edits before, inside and after it, in both editors', () => {
    const olena = new Y.Doc();
    const taras = new Y.Doc();
    paragraphs(olena, 'Migrants have rights.', 'Partnerships with NGOs must be funded over several years.');
    sync(olena, taras);
    const anchor = anchorOn(olena, 'funded over several years');
    expect(anchor.quote).toBe('funded over several years');

    // At the same time: Taras writes before the passage and adds a paragraph on top; Olena
    // writes right before it, inside it and right after it.
    textOf(taras, 1).insert(0, 'Above all, ');
    paragraphs(taras, 'A closing paragraph.');
    taras.getXmlFragment('default').insert(0, [Object.assign(new Y.XmlElement('paragraph'), {})]);
    textOf(olena, 1).insert('Partnerships with NGOs must be '.length, 'promptly ');
    textOf(olena, 1).insert('Partnerships with NGOs must be promptly funded over'.length, ' at least');
    textOf(olena, 1).insert('Partnerships with NGOs must be promptly funded over at least several years'.length, ', predictably');
    sync(olena, taras);

    expect(anchored(olena, anchor)).toBe('funded over at least several years');
    expect(anchored(taras, anchor)).toBe('funded over at least several years');
  });

  it('detach when the passage is deleted, by one editor or by a concurrent paragraph removal', () => {
    const olena = new Y.Doc();
    const taras = new Y.Doc();
    paragraphs(olena, 'Keep this.', 'Delete this passage entirely.', 'Keep that.');
    sync(olena, taras);
    const inside = anchorOn(olena, 'this passage');
    const whole = anchorOn(olena, 'Keep that');
    textOf(taras, 1).delete(0, 'Delete this passage'.length);
    olena.getXmlFragment('default').delete(2, 1);
    sync(olena, taras);
    expect(anchored(olena, inside)).toBeNull();
    expect(anchored(taras, inside)).toBeNull();
    expect(anchored(taras, whole)).toBeNull();
    expect(anchored(taras, anchorOn(taras, 'Keep this'))).toBe('Keep this');
  });

  it('treat a damaged anchor as detached, never as an error', () => {
    const doc = new Y.Doc();
    paragraphs(doc, 'Text.');
    expect(anchored(doc, { start: 'bm90IGEgcG9zaXRpb24=', end: '!!' })).toBeNull();
  });
});
