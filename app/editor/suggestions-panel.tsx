/**
 * Suggested changes beside the editor (ADR 027): the person's mode switch (Editing /
 * Suggesting), and the open suggestions, each with its author, colour and time; those who may
 * decide accept or reject one, all of one person's, or all. A decision is one change of the
 * shared document, seen live by everyone.
 */
import type { Editor } from '@tiptap/react';
import { memo, useEffect, useState } from 'react';
import { decideSuggestions, listSuggestions, type Decision, type Selection, type Suggestion } from '../../domain/papers/suggestions.ts';
import { safeColor } from '../../domain/papers/suggestion-marks.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { decidingMeta } from './suggesting.ts';

export type EditorMode = 'editing' | 'suggesting';

/** Accepts or rejects suggestions in the live document, as one change. Returns how many. */
export function decideInEditor(editor: Editor, decision: Decision, which: Selection): number {
  const tr = editor.state.tr.setMeta(decidingMeta, true);
  const decided = decideSuggestions(tr, decision, which);
  if (decided > 0) editor.view.dispatch(tr);
  return decided;
}

/** The open suggestions of the editor's document, read again shortly after each change. */
export function useSuggestions(editor: Editor | null): Suggestion[] {
  const [list, setList] = useState<Suggestion[]>([]);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shown = '';
    const read = () => {
      timer = null;
      if (editor.isDestroyed) return;
      const next = listSuggestions(editor.state.doc);
      // Positions move with every key typed before a suggestion; the list is drawn again only
      // when what it shows changed.
      const key = JSON.stringify(next.map(({ from: _f, to: _t, ...shownFields }) => shownFields));
      if (key === shown) return;
      shown = key;
      setList(next);
    };
    // Once typing pauses, not on every key: typing stays fast in a long paper with many suggestions.
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(read, 250);
    };
    read();
    editor.on('update', soon);
    return () => {
      editor.off('update', soon);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return list;
}

export function ModeSwitch({ mode, onChange }: { mode: EditorMode; onChange: (mode: EditorMode) => void }) {
  const t = useT();
  return (
    <fieldset className="mode-switch">
      <legend className="visually-hidden">{t('suggestions.mode.legend')}</legend>
      {(['editing', 'suggesting'] as const).map((m) => (
        <label key={m} className={mode === m ? 'mode-option active' : 'mode-option'}>
          <input type="radio" name="editor-mode" value={m} checked={mode === m} onChange={() => onChange(m)} />
          {t(`suggestions.mode.${m}`)}
        </label>
      ))}
    </fieldset>
  );
}

export const SuggestionsPanel = memo(function SuggestionsPanel({ editor, suggestions, canDecide, onComment }: {
  editor: Editor;
  suggestions: Suggestion[];
  canDecide: boolean;
  onComment?: (s: Suggestion) => void;
}) {
  const t = useT();
  const format = useFormat();
  const [said, setSaid] = useState('');
  const decide = (decision: Decision, which: Selection) => {
    const count = decideInEditor(editor, decision, which);
    setSaid(t('suggestions.decided', { count }));
  };
  const authors = [...new Map(suggestions.map((s) => [s.authorId, s.authorName])).entries()];
  return (
    <section className="suggestions-panel" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">
        {t('suggestions.title')} <span className="muted small">{t('suggestions.count', { count: suggestions.length })}</span>
      </h2>
      <p className="visually-hidden" role="status">{said}</p>
      {suggestions.length === 0 ? (
        <p className="muted small">{t('suggestions.none')}</p>
      ) : (
        <>
          {canDecide ? (
            <div className="suggestion-bulk">
              <button type="button" className="button button-small" onClick={() => decide('accept', { all: true })}>{t('suggestions.acceptAll')}</button>
              <button type="button" className="button button-small button-secondary" onClick={() => decide('reject', { all: true })}>{t('suggestions.rejectAll')}</button>
              {authors.length > 1 &&
                authors.map(([id, name]) => (
                  <span key={id} className="suggestion-person">
                    <button type="button" className="button button-small button-secondary" onClick={() => decide('accept', { authorId: id })}>{t('suggestions.acceptPerson', { name })}</button>
                    <button type="button" className="button button-small button-secondary" onClick={() => decide('reject', { authorId: id })}>{t('suggestions.rejectPerson', { name })}</button>
                  </span>
                ))}
            </div>
          ) : (
            <p className="muted small">{t('suggestions.onlyRepresentative')}</p>
          )}
          <ol className="suggestion-list">
            {suggestions.map((s) => (
              <li key={s.id} className="suggestion-item" style={{ borderColor: safeColor(s.color) }} data-suggestion={s.id}>
                <p className="small">
                  <span className={`suggestion-kind suggestion-kind-${s.kind}`}>{t(s.kind === 'insertion' ? 'suggestions.inserted' : 'suggestions.deleted')}</span>{' '}
                  {s.kind === 'insertion' ? <ins>{s.text}</ins> : <del>{s.text}</del>}
                </p>
                <p className="muted small">{t('suggestions.by', { name: s.authorName, date: s.at ? format.dateTime(s.at) : '' })}</p>
                <div className="suggestion-actions">
                  {canDecide && (
                    <>
                      <button type="button" className="button button-small" onClick={() => decide('accept', { id: s.id })}>
                        {t('suggestions.accept')}
                        <span className="visually-hidden"> “{s.text}”</span>
                      </button>
                      <button type="button" className="button button-small button-secondary" onClick={() => decide('reject', { id: s.id })}>
                        {t('suggestions.reject')}
                        <span className="visually-hidden"> “{s.text}”</span>
                      </button>
                    </>
                  )}
                  {onComment && (
                    <button type="button" className="button button-small button-secondary" onClick={() => onComment(s)}>
                      {t('suggestions.comment')}
                      <span className="visually-hidden"> “{s.text}”</span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
});
