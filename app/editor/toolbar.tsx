/** The formatting toolbar of the rich-text editors (papers, a round's framing text). */
import type { Editor } from '@tiptap/react';
import { useT } from '../utils/i18n.tsx';

export function Toolbar({ editor }: { editor: Editor }) {
  const t = useT();
  // A mouse press must not take the focus from the text: Tiptap gives it back only on the next
  // animation frame, and keys typed in between would reach the button (a space would press it).
  const button = (label: string, active: boolean, run: () => void) => (
    <button
      type="button"
      className={active ? 'tool active' : 'tool'}
      aria-pressed={active}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label={t('paper.toolbar')}>
      {button(t('paper.tools.heading'), editor.isActive('heading', { level: 2 }), () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
      {button(t('paper.tools.bold'), editor.isActive('bold'), () => editor.chain().focus().toggleBold().run())}
      {button(t('paper.tools.italic'), editor.isActive('italic'), () => editor.chain().focus().toggleItalic().run())}
      {button(t('paper.tools.bullets'), editor.isActive('bulletList'), () => editor.chain().focus().toggleBulletList().run())}
      {button(t('paper.tools.numbers'), editor.isActive('orderedList'), () => editor.chain().focus().toggleOrderedList().run())}
      {button(t('paper.tools.quote'), editor.isActive('blockquote'), () => editor.chain().focus().toggleBlockquote().run())}
      {button(t('paper.tools.table'), editor.isActive('table'), () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
      {button(t('paper.tools.link'), editor.isActive('link'), () => {
        const href = window.prompt(t('paper.tools.linkPrompt'), editor.getAttributes('link').href ?? 'https://');
        if (href === null) return;
        if (href === '') editor.chain().focus().unsetLink().run();
        else editor.chain().focus().setLink({ href }).run();
      })}
    </div>
  );
}
