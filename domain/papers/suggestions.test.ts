/**
 * What the server derives from a paper with open suggestions (ADR 027): the agreed text —
 * suggested insertions left out, text proposed for deletion kept — for the word count, search
 * and the submitted version, which never carries a suggestion mark; and the count of what is open.
 */
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { paperExtensions } from './editor-schema.ts';
import { yDocToPaper } from './sanitize.ts';
import { agreedJson, decideSuggestions, listSuggestions, withoutSuggestions } from './suggestions.ts';
import { Transform } from '@tiptap/pm/transform';

const schema = getSchema(paperExtensions);
const by = (kind: 'suggestedInsertion' | 'suggestedDeletion', id: string, authorId = 'alice') => ({
  type: kind,
  attrs: { suggestion: id, authorId, authorName: authorId, color: '#b91c1c', at: '2026-12-01T04:00:00.000Z' },
});
const paper = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Our position' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'We ' },
        { type: 'text', text: 'strongly ', marks: [by('suggestedInsertion', 's1')] },
        { type: 'text', text: 'urge ' },
        { type: 'text', text: 'all the ', marks: [by('suggestedDeletion', 's2', 'bob')] },
        { type: 'text', text: 'States', marks: [{ type: 'bold' }, by('suggestedDeletion', 's2', 'bob')] },
        { type: 'text', text: ' to act.' },
      ],
    },
  ],
};

describe('the agreed text of a paper with open suggestions', () => {
  it('counts and searches the text without suggested insertions, with text proposed for deletion', () => {
    const derived = yDocToPaper(prosemirrorJSONToYDoc(schema, paper, 'default'));
    expect(derived.openSuggestions).toBe(2);
    expect(derived.text).toBe('Our position\n\nWe urge all the States to act.');
    expect(derived.wordCount).toBe(9);
    expect(JSON.stringify(derived.json)).not.toMatch(/suggested/);
    expect(derived.html).not.toMatch(/<ins|<del|suggestion/);
    expect(derived.html).toContain('<strong>States</strong>');
  });

  it('is the same on JSON (server) and on a ProseMirror document (editor)', () => {
    const doc = schema.nodeFromJSON(paper);
    expect(schema.nodeFromJSON(agreedJson(paper).json).eq(withoutSuggestions(doc))).toBe(true);
  });

  it('lists one suggestion across runs of different formatting, and decides it whole', () => {
    const doc = schema.nodeFromJSON(paper);
    const list = listSuggestions(doc);
    expect(list.map((s) => [s.id, s.kind, s.text, s.authorId])).toEqual([
      ['s1', 'insertion', 'strongly ', 'alice'],
      ['s2', 'deletion', 'all the States', 'bob'],
    ]);
    const tr = new Transform(doc);
    expect(decideSuggestions(tr, 'accept', { id: 's2' })).toBe(1);
    expect(tr.doc.textContent).toBe('Our positionWe strongly urge  to act.');
    expect(decideSuggestions(tr, 'accept', { all: true })).toBe(1);
    expect(listSuggestions(tr.doc)).toEqual([]);
    expect(tr.doc.textContent).toBe('Our positionWe strongly urge  to act.');
  });

  it('a paper without suggestions is unchanged', () => {
    const plain = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Plain.' }] }] };
    const derived = yDocToPaper(prosemirrorJSONToYDoc(schema, plain, 'default'));
    expect(derived).toMatchObject({ openSuggestions: 0, text: 'Plain.', wordCount: 1 });
  });
});
