/**
 * A round's summary. Before publication: the secretariat writes it together in the papers'
 * editor (IOM staff may read along), beside the synthesis panel of submitted positions and the
 * coverage view; "Compile a first draft" and "Insert the participation table" put generated
 * content into the shared document. After publication: the fixed version, for every participant.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import type { Editor, JSONContent } from '@tiptap/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { citationsIn, coverage, citationAttrs } from '../../domain/summary/citations.ts';
import { citationWithSources } from '../editor/citation-view.ts';
import { Coverage, SynthesisPanel, type PanelPosition } from '../components/summary/synthesis-panel.tsx';
import { SummaryView } from '../components/summary/summary-view.tsx';
import { useFormat, useT } from '../utils/i18n.tsx';
import type { FormErrors } from '../utils/forms.server.ts';
import { loadSummary, summaryAction } from '../utils/summary.server.ts';
import { ReviewPanel, type ReviewPanelData } from '../components/summary/review-panel.tsx';
import { ReviewItems, type ReviewItemData } from '../components/summary/review-items.tsx';
import { useLiveReview } from '../utils/use-live-review.ts';

const PaperEditor = lazy(() => import('../editor/paper-editor.tsx'));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.title ?? ''} · IDM Consult` }];

export const loader = (args: LoaderFunctionArgs) => loadSummary(args);
export const action = (args: ActionFunctionArgs) => summaryAction(args);

type ActionData = FormErrors & { insert?: { kind: 'first-draft' | 'participation-table'; content: unknown }; leftovers?: string[] };

export default function SummaryPage() {
  const t = useT();
  const format = useFormat();
  const loaded = useLoaderData<typeof loader>();
  const { round } = loaded;
  const base = `/rounds/${round.id}/summary`;
  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${round.id}`}>{round.title}</Link>
      </nav>
      <header className="page-header with-actions">
        <div>
          <h1>{t('summary.title', { round: round.title })}</h1>
          <p className="lead">
            {loaded.published
              ? t('summary.publishedOn', { date: format.dateTime(loaded.published.publishedAt), by: loaded.published.publishedBy ?? '—' })
              : t('summary.draftLead')}
          </p>
        </div>
        <div className="actions" aria-label={t('summary.export')} role="group">
          <a className="button button-secondary" href={`${base}.docx`} download>
            {t('summary.exportDocx')}
          </a>
          <a className="button button-secondary" href={`${base}.pdf`} download>
            {t('summary.exportPdf')}
          </a>
          <a className="button button-secondary" href={`${base}.html`} download>
            {t('summary.exportHtml')}
          </a>
        </div>
      </header>
      {loaded.published ? (
        <>
          {loaded.published.citedOrganizations ? <p className="notice">{t('review.reviewedBy', { count: loaded.published.reviewedBy ?? 0, total: loaded.published.citedOrganizations })}</p> : null}
          <PublicState />
          <article className="card" aria-label={t('summary.published')}>
            <SummaryView document={loaded.published.content as never} sources={loaded.published.sources} />
          </article>
          <ReviewRecord />
        </>
      ) : (
        loaded.draft && <DraftSummary />
      )}
    </div>
  );
}

/** After publication: whether the round is public, and for IOM staff the button that makes it so. */
function PublicState() {
  const t = useT();
  const format = useFormat();
  const navigation = useNavigation();
  const actionData = useActionData<ActionData>();
  const { public: state, round } = useLoaderData<typeof loader>();
  if (!state || (!state.since && !state.canMakePublic)) return null;
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'make-public';
  return (
    <div className="card stack">
      {state.since && (
        <p>
          {t('public.isPublic', { date: format.date(state.since) })} <Link to={`/public/rounds/${round.id}`}>{t('public.viewPublic')}</Link>
        </p>
      )}
      {state.canMakePublic && (
        <Form method="post" onSubmit={(e) => !state.since && !confirm(t('public.makePublicConfirm')) && e.preventDefault()}>
          <input type="hidden" name="intent" value="make-public" />
          <button type="submit" className={state.since ? 'button button-secondary' : 'button'} disabled={busy}>
            {state.since ? t('public.makePublicAgain') : t('public.makePublic')}
          </button>
        </Form>
      )}
      <FormErrorText error={actionData?.errors?.form} />
    </div>
  );
}

function FormErrorText({ error }: { error?: string }) {
  const t = useT();
  return error ? (
    <p className="notice notice-error" role="alert">
      {t(error)}
    </p>
  ) : null;
}

/** After publication: the review's exchange, kept in the record (all of it for IOM staff, its own for an organization). */
function ReviewRecord() {
  const t = useT();
  const { review } = useLoaderData<typeof loader>();
  if (!review || review.items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="review-record-title">
      <h2 id="review-record-title">{t('review.exchange')}</h2>
      {review.outcome && review.outcome.notAnswered.length > 0 && <p className="notice notice-warning">{t('review.notAnswered', { names: review.outcome.notAnswered.map((o) => o.name).join(', ') })}</p>}
      <ReviewItems items={review.items as unknown as ReviewItemData[]} showOrganization={!!review.outcome} />
    </section>
  );
}

function DraftSummary() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const draft = loaded.draft!;
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const actionData = useActionData<ActionData>();
  const generate = useFetcher<ActionData>();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [mounted, setMounted] = useState(false);
  const [tab, setTab] = useState<'positions' | 'coverage' | 'review'>('positions');
  const review = loaded.review as unknown as ReviewPanelData | null;
  useLiveReview(review ? loaded.round.id : null);
  const [citations, setCitations] = useState<ReturnType<typeof citationsIn>>([]);
  useEffect(() => setMounted(true), []);

  // Every passage the page knows, for the citations' hover text: the positions' and the older versions' cited in the text.
  const sources = useRef<Record<string, { passage: string | null }>>({});
  sources.current = useMemo(() => {
    const all: Record<string, { passage: string | null }> = { ...draft.sources };
    for (const group of draft.groups) for (const p of group.positions) for (const passage of p.passages) all[`${p.versionId}:${passage.paragraph}`] = { passage: passage.text };
    return all;
  }, [draft]);
  const extensions = useMemo(() => [citationWithSources(() => (versionId, paragraph) => sources.current[`${versionId}:${paragraph}`], { unavailable: t('summary.sourceUnavailable') })], [t]);

  // The coverage view follows the text as anyone edits it (a short pause, not every keystroke).
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setCitations(citationsIn(editor.getJSON())), 250);
    };
    setCitations(citationsIn(editor.getJSON()));
    editor.on('update', recount);
    return () => {
      clearTimeout(timer);
      editor.off('update', recount);
    };
  }, [editor]);
  const positions = useMemo(() => {
    const unique = new Map<string, PanelPosition>();
    for (const g of draft.groups) for (const p of g.positions) unique.set(p.organizationId, p);
    return [...unique.values()];
  }, [draft.groups]);
  const covered = useMemo(() => coverage(positions, citations), [positions, citations]);

  // Generated content arrives from the server and goes into the shared document here.
  const inserted = useRef<unknown>(null);
  useEffect(() => {
    const insert = generate.data?.insert;
    if (!insert || !editor || inserted.current === generate.data) return;
    inserted.current = generate.data;
    const content = insert.content as JSONContent;
    if (insert.kind === 'first-draft') {
      if (editor.isEmpty) editor.chain().focus().setContent(content).run();
      else editor.chain().focus().insertContentAt(editor.state.doc.content.size, content.content ?? []).run();
    } else {
      editor.chain().focus().insertContent(content).run();
    }
  }, [generate.data, editor]);

  const quote = useCallback(
    (p: PanelPosition, paragraph: number) => {
      const passage = p.passages.find((x) => x.paragraph === paragraph);
      if (!editor || !passage) return;
      editor
        .chain()
        .focus()
        .insertContent({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: `“${passage.text}” ` }, { type: 'citation', attrs: citationAttrs(p, paragraph) }] }] })
        .run();
    },
    [editor],
  );
  const cite = useCallback(
    (p: PanelPosition, paragraph: number) => {
      editor?.chain().focus().insertContent({ type: 'citation', attrs: citationAttrs(p, paragraph) }).insertContent(' ').run();
    },
    [editor],
  );
  const generating = generate.state !== 'idle' ? generate.formData?.get('intent') : null;
  const publishing = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'publish';

  return (
    <>
      {draft.editable && (
        <div className="card stack">
          <div className="actions">
            <generate.Form method="post">
              <input type="hidden" name="intent" value="first-draft" />
              <button type="submit" className="button" disabled={!editor || !!generating || draft.positionCount === 0}>
                {generating === 'first-draft' ? t('summary.compiling') : t('summary.compile')}
              </button>
            </generate.Form>
            <generate.Form method="post">
              <input type="hidden" name="intent" value="participation-table" />
              <button type="submit" className="button button-secondary" disabled={!editor || !!generating}>
                {generating === 'participation-table' ? t('summary.inserting') : t('summary.insertTable')}
              </button>
            </generate.Form>
            <Form method="post" onSubmit={(e) => !confirm(t('summary.publishConfirm')) && e.preventDefault()}>
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="button button-danger" disabled={publishing}>
                {publishing ? t('summary.publishing') : t('summary.publish')}
              </button>
            </Form>
          </div>
          <p className="muted small">{draft.positionCount === 0 ? t('summary.noPositions') : t('summary.compileHint', { count: draft.positionCount })}</p>
          {actionData?.leftovers?.length ? (
            // The first draft's placeholder sentences are still there: say which, and offer to publish anyway.
            <div className="notice notice-warning stack" role="alert">
              <p>{t('summary.errors.placeholders')}</p>
              <ul>
                {actionData.leftovers.map((sentence) => (
                  <li key={sentence}>
                    <q>{sentence}</q>
                  </li>
                ))}
              </ul>
              <Form method="post" onSubmit={(e) => !confirm(t('summary.publishConfirm')) && e.preventDefault()}>
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="despitePlaceholders" value="1" />
                <button type="submit" className="button button-danger" disabled={publishing}>
                  {publishing ? t('summary.publishing') : t('summary.publishAnyway')}
                </button>
              </Form>
            </div>
          ) : (
            (actionData?.errors.form || generate.data?.errors?.form) && (
              <p className="notice notice-error" role="alert">
                {t(actionData?.errors.form ?? generate.data!.errors.form!)}
              </p>
            )
          )}
        </div>
      )}
      <div className="summary-layout">
        {/* Not a landmark of its own: the editor inside is one, under the same name (landmark-unique). */}
        <div className="stack">
          <h2 id="summary-editor-title" className="visually-hidden">
            {t('summary.editorLabel')}
          </h2>
          {!draft.editable && <p className="notice">{t('summary.readOnly')}</p>}
          {mounted ? (
            <Suspense fallback={<p className="muted">{t('paper.loadingEditor')}</p>}>
              <PaperEditor
                documentName={draft.documentName}
                editable={draft.editable}
                user={draft.me}
                wordLimit={null}
                label={t('summary.editorLabel')}
                onEditClosed={() => revalidator.revalidate()}
                extensions={extensions}
                onEditor={setEditor}
              />
            </Suspense>
          ) : (
            <p className="muted">{t('paper.loadingEditor')}</p>
          )}
        </div>
        <aside className="card" aria-label={t('summary.panel')}>
          <div role="tablist" aria-label={t('summary.panel')} className="tabs">
            <button type="button" role="tab" id="tab-positions" aria-controls="panel-positions" aria-selected={tab === 'positions'} onClick={() => setTab('positions')}>
              {t('summary.tabPositions', { count: positions.length })}
            </button>
            <button type="button" role="tab" id="tab-coverage" aria-controls="panel-coverage" aria-selected={tab === 'coverage'} onClick={() => setTab('coverage')}>
              {t('summary.tabCoverage', { cited: covered.cited.length, total: positions.length })}
            </button>
            {review && (
              <button type="button" role="tab" id="tab-review" aria-controls="panel-review" aria-selected={tab === 'review'} onClick={() => setTab('review')}>
                {t('review.start.title')}
              </button>
            )}
          </div>
          <div role="tabpanel" id="panel-positions" aria-labelledby="tab-positions" hidden={tab !== 'positions'}>
            <SynthesisPanel groups={draft.groups} editable={draft.editable && !!editor} onQuote={quote} onCite={cite} />
          </div>
          <div role="tabpanel" id="panel-coverage" aria-labelledby="tab-coverage" hidden={tab !== 'coverage'}>
            <Coverage cited={covered.cited} notCited={covered.notCited} />
          </div>
          {review && (
            <div role="tabpanel" id="panel-review" aria-labelledby="tab-review" hidden={tab !== 'review'}>
              <ReviewPanel review={review} timeZone={loaded.round.timeZone} editor={editor} errors={actionData?.errors} />
            </div>
          )}
        </aside>
      </div>
    </>
  );
}
