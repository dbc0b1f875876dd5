/**
 * The rich-text field of a round's framing text: Tiptap with the papers' schema (headings,
 * emphasis, lists, quotes, links, tables), not shared live. Its HTML goes into the form field
 * `framing`; the server sanitizes it.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import { useState } from 'react';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { useT } from '../utils/i18n.tsx';
import { Toolbar } from './toolbar.tsx';

export default function FramingEditor({ name, initialHtml, describedBy }: { name: string; initialHtml: string; describedBy?: string }) {
  const t = useT();
  const [html, setHtml] = useState(initialHtml);
  const editor = useEditor({
    immediatelyRender: false,
    extensions: paperExtensions,
    content: initialHtml,
    editorProps: { attributes: { id: name, class: 'paper-editor framing-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': t('round.framing'), ...(describedBy ? { 'aria-describedby': describedBy } : {}) } },
    onUpdate: ({ editor: e }) => setHtml(e.isEmpty ? '' : e.getHTML()),
  });
  return (
    <div className="card editor-card">
      <div className="editor-bar">{editor && <Toolbar editor={editor} />}</div>
      <EditorContent editor={editor} />
      <input type="hidden" name={name} value={html} />
    </div>
  );
}
