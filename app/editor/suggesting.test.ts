/**
 * Suggesting mode and the decisions on real ProseMirror states and real Yjs documents synced
 * both ways, with the paper's schema: what Alice types and deletes while suggesting reaches Bob
 * as her suggestions (author, colour, time); Bob's own edits arriving at Alice are not turned
 * into hers; Bob accepts one and rejects another; a document read again from its Yjs update
 * (a reload, a restart) still holds the open suggestions.
 */
import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { decideSuggestions, listSuggestions, withoutSuggestions } from '../../domain/papers/suggestions.ts';
import { decidingMeta, suggestingPlugin, type Suggester } from './suggesting.ts';

const schema = getSchema(paperExtensions);
const alice: Suggester = { id: 'alice', name: 'Alice Mensah', color: '#b91c1c' };
const bob: Suggester = { id: 'bob', name: 'Bob Ortiz', color: '#1d4ed8' };
const clock = () => new Date('2026-12-01T04:00:00Z');

/** One person's editor: a ProseMirror state bound to its own Yjs document. */
function editorOf(ydoc: Y.Doc, who: Suggester, suggesting: { on: boolean }) {
  let n = 0;
  const fragment = ydoc.getXmlFragment('default');
  const init = initProseMirrorDoc(fragment, schema);
  const plugin = suggestingPlugin({ suggester: () => (suggesting.on ? who : null), newId: () => `${who.id}-${++n}`, now: clock });
  let state = EditorState.create({ schema, doc: init.doc, plugins: [plugin] });
  let meta = init.meta;
  return {
    get state() {
      return state;
    },
    /** A change made here: applied, then written to Yjs as the binding does. */
    apply(make: (s: EditorState) => Transaction) {
      state = state.apply(make(state));
      ydoc.transact(() => updateYFragment(ydoc, fragment, state.doc, meta), 'local');
    },
    /** What arrived through Yjs, applied as y-sync does (its meta marks it remote). */
    pull() {
      const next = initProseMirrorDoc(fragment, schema);
      meta = next.meta;
      const tr = state.tr.replaceWith(0, state.doc.content.size, next.doc.content).setMeta(ySyncPluginKey, { isChangeOrigin: true });
      state = state.apply(tr);
    },
    text: () => state.doc.textContent,
  };
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function twoEditors(text: string) {
  const a = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  a.getXmlFragment('default').push([p]);
  const b = new Y.Doc();
  sync(a, b);
  const aliceSuggests = { on: true };
  return { a, b, alice: editorOf(a, alice, aliceSuggests), bob: editorOf(b, bob, { on: false }), aliceSuggests };
}

/** Position of a text in a one-paragraph document (after the paragraph's opening). */
const at = (state: EditorState, text: string) => state.doc.textContent.indexOf(text) + 1;

describe('suggesting mode', () => {
  it('keeps typed text as the author’s insertion and deleted text as the author’s deletion', () => {
    const { alice: ed } = twoEditors('Migrants have rights.');
    ed.apply((s) => s.tr.insertText(' basic', at(s, ' rights')));
    ed.apply((s) => s.tr.delete(at(s, 'have'), at(s, 'have') + 'have'.length));
    expect(ed.text()).toBe('Migrants have basic rights.');
    const [deleted, inserted] = [...listSuggestions(ed.state.doc)].sort((x, y) => x.kind.localeCompare(y.kind));
    expect(inserted).toMatchObject({ kind: 'insertion', text: ' basic', authorId: 'alice', authorName: 'Alice Mensah', color: '#b91c1c', at: '2026-12-01T04:00:00.000Z' });
    expect(deleted).toMatchObject({ kind: 'deletion', text: 'have', authorId: 'alice' });
    expect(withoutSuggestions(ed.state.doc).textContent).toBe('Migrants have rights.');
  });

  it('makes one suggestion of a word typed key by key, and of a word struck out key by key', () => {
    const { alice: ed } = twoEditors('abc');
    for (const ch of 'xyz') ed.apply((s) => s.tr.insertText(ch, s.doc.content.size - 1));
    // Backspace three times from the end of "abc": the caret walks back over what it strikes.
    ed.apply((s) => s.tr.setSelection(TextSelection.create(s.doc, 4)));
    for (let i = 0; i < 3; i++) ed.apply((s) => s.tr.delete(s.selection.head - 1, s.selection.head));
    expect(ed.text()).toBe('abcxyz');
    expect(listSuggestions(ed.state.doc).map((x) => [x.kind, x.text])).toEqual([['deletion', 'abc'], ['insertion', 'xyz']]);
    expect(ed.state.selection.head).toBe(1);
  });

  it('removes one’s own suggested insertion outright, and leaves another person’s alone', () => {
    const { a, b, alice: ed, bob: other } = twoEditors('Text.');
    ed.apply((s) => s.tr.insertText(' mine', at(s, '.')));
    ed.apply((s) => s.tr.delete(at(s, ' mine'), at(s, ' mine') + 3));
    expect(ed.text()).toBe('Textne.');
    sync(a, b);
    other.pull();
    const bobTyping = { on: true };
    const bobSuggests = editorOf(b, bob, bobTyping);
    bobSuggests.apply((s) => s.tr.delete(at(s, 'ne'), at(s, 'ne') + 2));
    expect(bobSuggests.text()).toBe('Textne.');
    expect(listSuggestions(bobSuggests.state.doc)).toHaveLength(1);
  });

  it('does not turn a co-editor’s changes arriving through Yjs into the suggester’s', () => {
    const { a, b, alice: ed, bob: other } = twoEditors('Shared text.');
    other.apply((s) => s.tr.delete(1, 'Shared '.length + 1));
    other.apply((s) => s.tr.insertText('New ', 1));
    sync(a, b);
    ed.pull();
    expect(ed.text()).toBe('New text.');
    expect(listSuggestions(ed.state.doc)).toEqual([]);
  });

  it('lets the editing mode edit directly', () => {
    const { alice: ed, aliceSuggests } = twoEditors('Plain.');
    aliceSuggests.on = false;
    ed.apply((s) => s.tr.insertText(' text', at(s, '.')));
    expect(listSuggestions(ed.state.doc)).toEqual([]);
  });
});

describe('deciding suggestions across editors', () => {
  it('shows Alice’s suggestions to Bob, who accepts one and rejects another; both end equal, and a reload keeps what is open', () => {
    const { a, b, alice: ed, bob: rep } = twoEditors('We call on States to act.');
    ed.apply((s) => s.tr.insertText(' all', at(s, ' States')));
    ed.apply((s) => s.tr.delete(at(s, ' to act'), at(s, ' to act') + ' to act'.length));
    ed.apply((s) => s.tr.insertText(' now', at(s, '.')));
    sync(a, b);
    rep.pull();
    const seen = listSuggestions(rep.state.doc);
    expect(seen.map((x) => [x.kind, x.text, x.authorName])).toEqual([
      ['insertion', ' all', 'Alice Mensah'],
      ['deletion', ' to act', 'Alice Mensah'],
      ['insertion', ' now', 'Alice Mensah'],
    ]);
    // Bob accepts " all" and rejects the deletion of " to act", as one change each.
    rep.apply((s) => {
      const tr = s.tr.setMeta(decidingMeta, true);
      expect(decideSuggestions(tr, 'accept', { id: seen[0]!.id })).toBe(1);
      return tr;
    });
    rep.apply((s) => {
      const tr = s.tr.setMeta(decidingMeta, true);
      decideSuggestions(tr, 'reject', { id: seen[1]!.id });
      return tr;
    });
    expect(rep.text()).toBe('We call on all States to act now.');
    sync(a, b);
    ed.pull();
    expect(ed.state.doc.eq(rep.state.doc)).toBe(true);
    // A reload: a new document from the stored update still holds the open suggestion, with its author.
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(b));
    const open = listSuggestions(initProseMirrorDoc(reloaded.getXmlFragment('default'), schema).doc);
    expect(open.map((x) => [x.kind, x.text, x.authorId, x.color])).toEqual([['insertion', ' now', 'alice', '#b91c1c']]);
  });

  it('accepts all of one person’s, then rejects all', () => {
    const { a, b, alice: ed, bob: other } = twoEditors('One two three.');
    ed.apply((s) => s.tr.delete(at(s, 'One '), at(s, 'One ') + 4));
    sync(a, b);
    other.pull();
    const bobSuggests = editorOf(b, bob, { on: true });
    bobSuggests.apply((s) => s.tr.insertText('!', at(s, '.') + 1));
    bobSuggests.apply((s) => s.tr.delete(at(s, 'two '), at(s, 'two ') + 4));
    expect(listSuggestions(bobSuggests.state.doc).map((x) => x.authorId)).toEqual(['alice', 'bob', 'bob']);
    bobSuggests.apply((s) => {
      const tr = s.tr.setMeta(decidingMeta, true);
      expect(decideSuggestions(tr, 'accept', { authorId: 'bob' })).toBe(2);
      return tr;
    });
    expect(bobSuggests.text()).toBe('One three.!');
    bobSuggests.apply((s) => {
      const tr = s.tr.setMeta(decidingMeta, true);
      expect(decideSuggestions(tr, 'reject', { all: true })).toBe(1);
      return tr;
    });
    expect(bobSuggests.text()).toBe('One three.!');
    expect(listSuggestions(bobSuggests.state.doc)).toEqual([]);
  });
});

describe('suggesting mode and the structure of the paper', () => {
  it('puts back two paragraphs joined by a deletion, marking their text as deleted', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('default');
    for (const text of ['First paragraph.', 'Second paragraph.']) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      fragment.push([p]);
    }
    const ed = editorOf(ydoc, alice, { on: true });
    // From "paragraph." of the first to "Second " of the second: the two would become one.
    const from = ed.state.doc.textContent.indexOf('paragraph.') + 1;
    const to = ed.state.doc.child(0).nodeSize + 1 + 'Second '.length;
    ed.apply((s) => s.tr.delete(from, to));
    expect(ed.state.doc.childCount).toBe(2);
    expect(ed.state.doc.child(0).textContent).toBe('First paragraph.');
    expect(ed.state.doc.child(1).textContent).toBe('Second paragraph.');
    expect(listSuggestions(ed.state.doc).map((s) => [s.kind, s.text])).toEqual([['deletion', 'paragraph. Second ']]);
    // Accepting it removes the words; the paragraphs stay two (structure is not a suggestion).
    ed.apply((s) => {
      const tr = s.tr.setMeta(decidingMeta, true);
      decideSuggestions(tr, 'accept', { all: true });
      return tr;
    });
    expect([ed.state.doc.child(0).textContent, ed.state.doc.child(1).textContent]).toEqual(['First ', 'paragraph.']);
  });

  it('marks pasted paragraphs as suggested insertions, left out of the agreed text', () => {
    const { alice: ed } = twoEditors('Before.');
    ed.apply((s) => {
      const pasted = s.schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Two' }] }] });
      return s.tr.replaceSelectionWith(pasted.child(0)).insert(s.doc.content.size, pasted.child(1));
    });
    const inserted = listSuggestions(ed.state.doc).filter((x) => x.kind === 'insertion');
    expect(inserted.map((x) => x.text).join('')).toContain('Two');
    expect(withoutSuggestions(ed.state.doc).textContent).toBe('Before.');
  });
});
