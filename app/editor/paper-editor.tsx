/**
 * The co-writing editor of a position paper: Tiptap on a Yjs document shared through
 * Hocuspocus at /collab. Shows who is here, the word count against the limit, and a save
 * indicator that says "Saved" only once the server has stored every change (see
 * server/collaboration/extensions/persistence.ts, the flush acknowledgement).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { getText, getTextSerializersFromSchema, type Extensions } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { countWords } from '../../domain/papers/word-count.ts';
import { listSuggestions, withoutSuggestions, type Suggestion } from '../../domain/papers/suggestions.ts';
import { Suggesting, type Suggester } from './suggesting.ts';
import { ModeSwitch, SuggestionsPanel, useSuggestions, type EditorMode } from './suggestions-panel.tsx';
import { can, type Actor, type ThreadFacts } from '../../domain/permissions.ts';
import { CommentsPanel } from '../components/comments/comments-panel.tsx';
import { Composer } from '../components/comments/composer.tsx';
import { useThreads, type ThreadView } from '../components/comments/use-threads.ts';
import { useT } from '../utils/i18n.tsx';
import { ask } from '../utils/socket.client.ts';
import { anchorFor, type Anchor } from './comment-anchors.ts';
import { Toolbar } from './toolbar.tsx';
import { anchoredRanges, CommentHighlights, commentHighlightsKey } from './comment-highlights.ts';
import { useLeaveWarning, watchStorage } from './save-state.ts';
import { isOfflineCopyOrigin, keepOffline, keepThisPage, type OfflineCopy } from './offline-copy.ts';
import { WordImport } from './word-import.tsx';
import { cleanPastedHtml } from './pasted-html.ts';

type SaveState = 'loading' | 'saved' | 'saving' | 'unsaved' | 'offline' | 'denied' | 'closed' | 'throttled' | 'too-large';

/** Suggested changes (ADR 027): who suggests, and whether they may accept or reject. */
export interface DraftSuggestions {
  me: Suggester;
  canDecide: boolean;
}

/** Words of the agreed text: open suggestions left out (what the server counts too). */
function agreedWords(editor: Editor): number {
  const text = getText(withoutSuggestions(editor.state.doc), { textSerializers: getTextSerializersFromSchema(editor.schema) });
  return countWords(text);
}

/** Draft comments: who is reading, and the facts `can` needs. */
export interface DraftComments {
  paperId: string;
  me: Actor;
  facts: Omit<ThreadFacts, 'createdById'>;
}

interface Props {
  documentName: string;
  editable: boolean;
  user: { name: string; color: string };
  wordLimit: number | null;
  /** Comments on passages (papers); none for session notes. */
  comments?: DraftComments;
  /** What the editor is called for screen readers. */
  label?: string;
  /** The server closed editing while the paper was open (the deadline passed): reload the page's data. */
  onEditClosed: () => void;
  /** Extensions of this use of the editor (the summary's citations shown with their source). */
  extensions?: Extensions;
  /** Hands the Tiptap editor to the page (the summary inserts citations and outlines through it). */
  onEditor?: (editor: Editor | null) => void;
  /** Where "Import a Word document" sends the file (papers only; ADR 025). */
  importUrl?: string;
  /** Keep the document in this browser for this person, so nothing typed offline is lost (ADR 026). */
  offlineFor?: string;
  /** Suggested changes (papers only). */
  suggestions?: DraftSuggestions;
  /** Tells the page whether everything is stored (it waits for it before submitting). */
  onSaveState?: (state: string) => void;
}

export default function PaperEditor({ documentName, editable, user, wordLimit, comments, label, onEditClosed, extensions, onEditor, importUrl, offlineFor, suggestions, onSaveState }: Props) {
  const t = useT();
  // A new document when editing closes: what was typed after the server stopped taking it is
  // not kept, and the reader's view shows exactly what is stored.
  const doc = useMemo(() => new Y.Doc(), [documentName, editable]);
  const editClosed = useRef(onEditClosed);
  editClosed.current = onEditClosed;
  const [provider, setProvider] = useState<HocuspocusProvider | null>(null);
  const [state, setState] = useState<SaveState>('loading');
  const [denied, setDenied] = useState<string | null>(null);
  const [people, setPeople] = useState<Array<{ name: string; color: string }>>([]);
  const [words, setWords] = useState(0);
  const [pending, setPending] = useState(0);
  const flushId = useRef(0);
  const dirty = useRef(false);
  // Only the person who may write keeps a copy: a reader's view shows exactly what is stored.
  const offline = editable && offlineFor ? offlineFor : null;
  // Changes the server has not confirmed stored exist only in this tab (or, with the offline copy,
  // in this browser, where colleagues cannot see them until it comes back): ask before leaving.
  useLeaveWarning(() => dirty.current);
  const saveStateSeen = useRef(onSaveState);
  saveStateSeen.current = onSaveState;
  useEffect(() => {
    saveStateSeen.current?.(state);
  }, [state]);

  useEffect(() => {
    const socket = new HocuspocusProviderWebsocket({ url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab` });
    const p = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      document: doc,
      token: 'session-cookie',
      // A reader shows no caret; the server refuses presence from read-only connections.
      ...(editable ? {} : { awareness: null }),
    });
    p.attach();
    // The browser knows before the socket does that the network has gone (a closed laptop, a lost
    // signal; an open WebSocket can linger for minutes): say so at once, and reconnect the moment
    // the network returns rather than after the provider's back-off.
    const networkGone = () => socket.disconnect();
    const networkBack = () => void socket.connect();
    window.addEventListener('offline', networkGone);
    window.addEventListener('online', networkBack);
    const copy: OfflineCopy | null = offline ? keepOffline(doc, offline, documentName) : null;
    if (copy) {
      void keepThisPage();
      // Changes kept from before a reload are still to be stored: ask for it once connected.
      if (copy.pending() > 0) dirty.current = true;
      setPending(copy.pending());
    }
    const storage = watchStorage(() => {
      if (dirty.current) setState((s) => (s === 'saving' || s === 'saved' ? 'unsaved' : s));
    });
    const askStored = () => {
      if (!dirty.current || p.hasUnsyncedChanges || socket.status !== 'connected') return;
      flushId.current += 1;
      p.sendStateless(JSON.stringify({ type: 'flush', id: String(flushId.current) }));
      storage.flushSent();
    };
    // Synced again after the server came back with nothing of ours unsent: saved, at once,
    // whether or not the person typed (what was typed offline goes through askStored instead).
    p.on('synced', () => setState((s) => (s === 'loading' || (s === 'offline' && !dirty.current) ? 'saved' : s)));
    p.on('authenticationFailed', ({ reason }: { reason: string }) => {
      // No longer allowed to read it: the copy kept in this browser goes too.
      if (reason === 'forbidden' || reason === 'unknown-document') void copy?.forget();
      setDenied(reason);
      setState('denied');
    });
    // The server paused this connection (too much sent at once): it reconnects by itself and
    // resends what was not stored.
    p.on('close', ({ event }: { event: { code: number } }) => {
      if (event.code === 4429) setState((s) => (s === 'denied' || s === 'closed' || s === 'too-large' ? s : 'throttled'));
    });
    p.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') setState((s) => (s === 'denied' || s === 'closed' || s === 'too-large' || s === 'throttled' ? s : 'offline'));
      if (status === 'connected' && dirty.current) setState('saving');
    });
    p.on('unsyncedChanges', askStored);
    p.on('synced', askStored);
    p.on('stateless', ({ payload }: { payload: string }) => {
      const message = JSON.parse(payload) as { type?: string; id?: string; state?: string; reason?: string };
      if (storage.message(message)) return;
      if (message.type === 'read-only' && message.reason === 'too-large') {
        setState('too-large');
        return;
      }
      if (message.type === 'read-only') {
        // Editing closed, or this person's access changed (signed out, removed, a new role): the
        // page's data is read again, which shows what they may do now.
        setState('closed');
        editClosed.current();
        return;
      }
      if (message.type === 'stored' && message.id === String(flushId.current) && !p.hasUnsyncedChanges) {
        storage.stored();
        copy?.stored();
        setPending(0);
        dirty.current = false;
        setState('saved');
      }
    });
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === p) return; // from the server, not typed here
      if (isOfflineCopyOrigin(origin)) return; // kept here earlier, already counted
      if (copy) {
        copy.changed();
        setPending(copy.pending());
      }
      dirty.current = true;
      setState((s) => (s === 'offline' || s === 'unsaved' || s === 'denied' || s === 'closed' || s === 'too-large' || s === 'throttled' ? s : 'saving'));
    };
    doc.on('update', onUpdate);
    if (p.awareness) {
      const refresh = () =>
        setPeople(
          [...p.awareness!.getStates().values()]
            .map((s) => s.user as { name: string; color: string } | undefined)
            .filter((u): u is { name: string; color: string } => Boolean(u?.name)),
        );
      p.awareness.on('change', refresh);
    }
    setProvider(p);
    return () => {
      window.removeEventListener('offline', networkGone);
      window.removeEventListener('online', networkBack);
      storage.dispose();
      copy?.destroy();
      doc.off('update', onUpdate);
      p.destroy();
      socket.destroy();
    };
  }, [doc, documentName, editable, offline]);

  if (denied) {
    return (
      <div className="notice notice-error" role="alert">
        <strong>{t('paper.denied.title')}</strong> {t(`paper.refused.${denied === 'forbidden' || denied === 'unknown-document' || denied === 'too-many-connections' ? denied : 'other'}`)}
      </div>
    );
  }
  // Until the effect has made the provider of this document, the previous one is stale.
  if (!provider || provider.document !== doc) return <p className="muted">{t('paper.loadingEditor')}</p>;
  return (
    // A new document (editing closed) needs a new editor: Tiptap binds the document once.
    <EditorShell key={doc.guid} provider={provider} doc={doc} editable={editable} user={user} state={state} people={people} words={words} onWords={setWords} wordLimit={wordLimit} comments={comments} label={label} extensions={extensions} onEditor={onEditor} importUrl={importUrl} offline={!!offline} pending={pending} suggestions={suggestions} />
  );
}

function EditorShell({ provider, doc, editable, user, state, people, words, onWords, wordLimit, comments, label, extensions, onEditor, importUrl, offline, pending, suggestions }: {
  provider: HocuspocusProvider; doc: Y.Doc; editable: boolean; user: { name: string; color: string }; state: SaveState;
  people: Array<{ name: string; color: string }>; words: number; onWords: (n: number) => void; wordLimit: number | null; comments?: DraftComments; label?: string;
  extensions?: Extensions; onEditor?: (editor: Editor | null) => void; importUrl?: string; offline: boolean; pending: number; suggestions?: DraftSuggestions;
}) {
  const t = useT();
  const place = useMemo(() => ({ scope: 'draft' as const, paperId: comments?.paperId ?? '' }), [comments?.paperId]);
  const threads = useThreads(place, comments?.me.id ?? '', undefined, !!comments);
  const [detached, setDetached] = useState<ReadonlySet<string>>(new Set());
  const [newAnchor, setNewAnchor] = useState<Anchor | null>(null);
  // The highlight plugin is configured once; it reads the threads through these refs.
  const live = useRef({ threads: threads.threads, open: threads.open, openThread: threads.openThread });
  live.current = { threads: threads.threads, open: threads.open, openThread: threads.openThread };
  // Each person's own mode; the plugin reads it on every change, so switching needs no new editor.
  const [mode, setMode] = useState<EditorMode>('editing');
  const suggester = useRef<Suggester | null>(null);
  const countTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (countTimer.current) clearTimeout(countTimer.current);
  }, []);
  suggester.current = editable && suggestions && mode === 'suggesting' ? suggestions.me : null;
  const editor = useEditor({
    immediatelyRender: false,
    editable,
    extensions: [
      // A page's own version of a node (same name) replaces the shared one.
      ...paperExtensions.filter((e) => !extensions?.some((x) => x.name === e.name)),
      ...(extensions ?? []),
      Collaboration.configure({ document: doc }),
      ...(editable ? [CollaborationCaret.configure({ provider, user })] : []),
      ...(suggestions ? [Suggesting.configure({ suggester: () => suggester.current })] : []),
      CommentHighlights.configure({
        threads: () => live.current.threads.filter((th) => th.anchor).map((th) => ({ id: th.id, anchor: th.anchor!, resolved: !!th.resolved })),
        active: () => live.current.open,
        onDetached: setDetached,
        onOpen: (id) => {
          live.current.openThread(id);
          requestAnimationFrame(() => document.getElementById(`thread-${id}`)?.scrollIntoView({ block: 'nearest' }));
        },
      }),
    ],
    // Pasted from Word or a web page: its structure, nothing else (the schema drops the rest).
    editorProps: { transformPastedHTML: cleanPastedHtml, attributes: { class: 'paper-editor', 'aria-label': label ?? t('paper.editorLabel'), 'aria-multiline': 'true', role: 'textbox' } },
    onCreate: ({ editor }) => onWords(agreedWords(editor)),
    // Counted once typing pauses, not on every key: a long paper stays quick to type in.
    onUpdate: ({ editor }) => {
      if (countTimer.current) clearTimeout(countTimer.current);
      countTimer.current = setTimeout(() => !editor.isDestroyed && onWords(agreedWords(editor)), 250);
    },
  });
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  // Threads or the open one changed: redraw the highlights.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true));
  }, [editor, threads.threads, threads.open]);
  const selection = useEditorState({ editor, selector: ({ editor: e }) => (e ? { empty: e.state.selection.empty } : { empty: true }) });
  const openSuggestions = useSuggestions(suggestions ? editor : null);
  // Stable, so that the list of suggestions is not drawn again on every key.
  const commentOnSuggestion = useCallback(
    (s: Suggestion) => {
      const ystate = editor && ySyncPluginKey.getState(editor.state);
      const now = editor && listSuggestions(editor.state.doc).find((x) => x.id === s.id);
      if (!editor || !ystate?.binding || !now) return;
      setNewAnchor(anchorFor(editor.state.doc, ystate.type, ystate.binding.mapping, now.from, now.to));
    },
    [editor],
  );
  const canComment = !!comments && can(comments.me, 'comment', { type: 'thread', thread: { ...comments.facts, createdById: comments.me.id } });

  const startComment = () => {
    if (!editor) return;
    const ystate = ySyncPluginKey.getState(editor.state);
    const { from, to } = editor.state.selection;
    if (!ystate?.binding || from === to) return;
    setNewAnchor(anchorFor(editor.state.doc, ystate.type, ystate.binding.mapping, from, to));
  };
  const showInText = (thread: ThreadView) => {
    const range = editor && anchoredRanges(editor.state, [{ id: thread.id, anchor: thread.anchor!, resolved: false }]).get(thread.id);
    if (!editor || !range) return;
    threads.openThread(thread.id);
    editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  };

  const over = wordLimit !== null && words > wordLimit;
  return (
    <div className={comments ? 'paper-layout' : undefined}>
    <section className="card editor-card" aria-label={label ?? t('paper.editorLabel')}>
      <div className="editor-bar">
        {editable && editor && <Toolbar editor={editor} />}
        {editable && suggestions && <ModeSwitch mode={mode} onChange={setMode} />}
        {canComment && (
          <button type="button" className="tool comment-tool" disabled={!selection || selection.empty} onClick={startComment} title={t('comments.selectToComment')}>
            {t('comments.commentSelection')}
          </button>
        )}
        {editable && editor && importUrl && <WordImport editor={editor} url={importUrl} />}
        <p className={`save-state save-${state}`} role="status" aria-live="polite">
          {t(`paper.save.${state}${offline && (state === 'offline' || state === 'unsaved') ? 'Kept' : ''}`)}
        </p>
        {pending > 0 && state !== 'saved' && state !== 'saving' && (
          <p className="pending-changes" role="status">
            {t('paper.pending', { count: pending })}
          </p>
        )}
      </div>
      <EditorContent editor={editor} />
      <div className="editor-footer">
        <p className={over ? 'word-count over' : 'word-count'}>
          {wordLimit ? t('paper.wordsOfLimit', { count: words, limit: wordLimit }) : t('paper.words', { count: words })}
        </p>
        {people.length > 0 && (
          <p className="presence">
            {t('paper.here')}{' '}
            {people.map((p, i) => (
              <span key={i} className="person" style={{ borderColor: p.color }}>
                {p.name}
              </span>
            ))}
          </p>
        )}
      </div>
      {mode === 'suggesting' && editable && <p className="muted small suggesting-hint">{t('suggestions.mode.suggestingHint')}</p>}
      {suggestions && editor && (
        <SuggestionsPanel
          editor={editor}
          suggestions={openSuggestions}
          canDecide={editable && suggestions.canDecide}
          onComment={canComment ? commentOnSuggestion : undefined}
        />
      )}
    </section>
    {comments && (
    <CommentsPanel title={t('comments.draftTitle')} place={place} me={comments.me} facts={comments.facts} state={threads} detached={detached} onShowInText={showInText}>
      {newAnchor ? (
        <div className="new-thread">
          <p className="small">
            {t('comments.newOn')} <q>{newAnchor.quote}</q>
          </p>
          <Composer
            place={place}
            label={t('comments.newLabel')}
            submitLabel={t('comments.post')}
            autoFocus
            onCancel={() => setNewAnchor(null)}
            onSend={async (body) => {
              const ack = await ask<{ thread: ThreadView }>('thread:start', { scope: 'draft', paperId: comments!.paperId, anchor: newAnchor, body });
              if (ack.ok) {
                setNewAnchor(null);
                threads.openThread(ack.thread.id);
              }
              return ack;
            }}
          />
        </div>
      ) : (
        canComment && <p className="muted small">{t('comments.howToStart')}</p>
      )}
    </CommentsPanel>
    )}
    </div>
  );
}
