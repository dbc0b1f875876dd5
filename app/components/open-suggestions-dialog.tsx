/**
 * Submitting a paper with open suggestions asks first (ADR 027): "3 suggestions are open:
 * accept all, reject all, or go back". The decision is made in the live document; the
 * submission goes only once the server has stored it, so the version is cut from the decided
 * text (the server refuses a paper that still has open suggestions).
 */
import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { countSuggestions } from '../../domain/papers/suggestions.ts';
import { decideInEditor } from '../editor/suggestions-panel.tsx';
import { useT } from '../utils/i18n.tsx';

export function openSuggestionsIn(editor: Editor | null): number {
  return editor && !editor.isDestroyed ? countSuggestions(editor.state.doc) : 0;
}

/** Resolves once the editor says everything is stored after the change just made (or after 10 s: the server then says what is missing). */
function storedAfterChange(saveState: () => string): Promise<void> {
  const started = Date.now();
  let changed = false;
  return new Promise((resolve) => {
    const tick = () => {
      const state = saveState();
      if (state !== 'saved') changed = true;
      const settled = state === 'saved' && (changed || Date.now() - started > 1500);
      if (settled || Date.now() - started > 10_000) resolve();
      else setTimeout(tick, 50);
    };
    tick();
  });
}

export function OpenSuggestionsDialog({ editor, count, saveState, onClose, onDecided }: {
  editor: Editor;
  count: number;
  saveState: () => string;
  onClose: () => void;
  onDecided: () => void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const decide = async (decision: 'accept' | 'reject') => {
    setWaiting(true);
    decideInEditor(editor, decision, { all: true });
    await storedAfterChange(saveState);
    onDecided();
  };
  return (
    <dialog ref={dialog} className="card dialog" aria-labelledby="open-suggestions-title" aria-describedby="open-suggestions-body" onCancel={onClose}>
      <h2 id="open-suggestions-title">{t('suggestions.submit.title')}</h2>
      <p id="open-suggestions-body">{t('suggestions.submit.body', { count })}</p>
      {waiting ? (
        <p role="status">{t('suggestions.submit.waiting')}</p>
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => void decide('accept')}>{t('suggestions.submit.acceptAll')}</button>
          <button type="button" className="button button-secondary" onClick={() => void decide('reject')}>{t('suggestions.submit.rejectAll')}</button>
          <button type="button" className="button button-secondary" onClick={onClose} autoFocus>{t('suggestions.submit.back')}</button>
        </div>
      )}
    </dialog>
  );
}
