/**
 * "Import a Word document" beside the editor of a draft: the file goes to the server, which
 * checks and converts it (domain/papers/word-import.ts) and answers the sanitized content; this
 * editor inserts it as one transaction, so it is one step of the person's Undo and reaches the
 * co-editors through the shared document like any edit (ADR 025). A refused file changes nothing.
 */
import type { Editor } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { useId, useState } from 'react';
import type { PaperNodeJson } from '../../domain/papers/sanitize.ts';
import { maxWordFileBytes } from '../../domain/papers/docx-package.ts';
import { useT } from '../utils/i18n.tsx';

type Mode = 'append' | 'replace';
type Outcome = { kind: 'done'; imagesDropped: number } | { kind: 'error'; key: string } | null;

interface Answer {
  imported?: { content: PaperNodeJson[]; imagesDropped: number };
  error?: string;
}

export function WordImport({ editor, url }: { editor: Editor; url: string }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const mode: Mode = form.get('mode') === 'replace' ? 'replace' : 'append';
    if (!(file instanceof File) || file.size === 0) return setOutcome({ kind: 'error', key: 'errors.import.no-file' });
    // Said at once, without sending 10 MB for nothing; the server says it again if asked.
    if (file.size > maxWordFileBytes) return setOutcome({ kind: 'error', key: 'errors.import.too-large' });
    if (mode === 'replace' && !editorIsEmpty(editor) && !confirm(t('import.replaceConfirm'))) return;
    setBusy(true);
    setOutcome(null);
    const answer = await send(url, file);
    setBusy(false);
    if (!answer.imported) return setOutcome({ kind: 'error', key: answer.error ?? 'errors.import.failed' });
    if (editor.isDestroyed || !editor.isEditable) return setOutcome({ kind: 'error', key: 'errors.import.forbidden' });
    insertImported(editor, answer.imported.content, mode);
    setOutcome({ kind: 'done', imagesDropped: answer.imported.imagesDropped });
    setOpen(false);
  };

  return (
    <div className="word-import">
      <button type="button" className="tool" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => { setOpen(!open); setOutcome(null); }}>
        {t('import.open')}
      </button>
      {open && (
        <form id={`${id}-panel`} className="word-import-panel card" onSubmit={submit} aria-label={t('import.title')}>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('import.file')}</label>
            <p className="field-hint" id={`${id}-hint`}>{t('import.hint')}</p>
            <input id={`${id}-file`} name="file" type="file" required aria-describedby={`${id}-hint`}
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
          </div>
          <fieldset className="field">
            <legend>{t('import.mode')}</legend>
            <label><input type="radio" name="mode" value="append" defaultChecked /> {t('import.append')}</label>
            <label><input type="radio" name="mode" value="replace" /> {t('import.replace')}</label>
          </fieldset>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>{busy ? t('import.importing') : t('import.submit')}</button>
            <button type="button" className="button secondary" onClick={() => { setOpen(false); setOutcome(null); }}>{t('import.cancel')}</button>
          </div>
        </form>
      )}
      {outcome?.kind === 'error' && <p className="notice notice-error word-import-outcome" role="alert">{t(outcome.key)}</p>}
      {outcome?.kind === 'done' && (
        <p className="notice word-import-outcome" role="status">
          {t('import.done')}
          {outcome.imagesDropped > 0 && <> {t('import.imagesDropped', { count: outcome.imagesDropped })}</>}
        </p>
      )}
    </div>
  );
}

async function send(url: string, file: File): Promise<Answer> {
  const body = new FormData();
  body.set('file', file);
  try {
    const response = await fetch(url, { method: 'POST', body, headers: { Accept: 'application/json' } });
    const answer = (await response.json().catch(() => null)) as Answer | null;
    if (answer?.imported || answer?.error) return answer;
    // Refused before the route (the size limit at the edge), or by `can`: the status says why.
    if (response.status === 413) return { error: 'errors.import.too-large' };
    if (response.status === 403) return { error: 'errors.import.forbidden' };
    return { error: 'errors.import.failed' };
  } catch {
    return { error: 'errors.import.failed' };
  }
}

function editorIsEmpty(editor: Editor): boolean {
  return editor.state.doc.textContent.trim() === '';
}

/**
 * One ProseMirror transaction, hence one Yjs transaction of this editor's own origin: the Undo
 * manager records it as a single step (capturing is stopped on both sides so that it does not
 * merge with typing just before or after).
 */
function insertImported(editor: Editor, content: PaperNodeJson[], mode: Mode) {
  const undo = yUndoPluginKey.getState(editor.state)?.undoManager;
  undo?.stopCapturing();
  const size = editor.state.doc.content.size;
  const target = mode === 'replace' || editorIsEmpty(editor) ? { from: 0, to: size } : size;
  editor.chain().insertContentAt(target, content).focus(undefined, { scrollIntoView: false }).run();
  undo?.stopCapturing();
}
