import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { currentPaperContent, getPaper, listVersions, paperDocumentName, submitPaper } from '../../domain/papers.ts';
import { can } from '../../domain/permissions.ts';
import { sanitizePaperHtml } from '../../domain/papers/sanitize.ts';
import { warmConversionThread } from '../../domain/papers/word-import-thread.ts';
import { FormError } from '../components/form-field.tsx';
import { colourFor } from '../utils/colour.ts';
import { VersionComments } from '../components/comments/version-comments.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, type FormErrors } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { useLivePaper } from '../utils/use-live-paper.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

// The editor runs in the browser only (Tiptap, Yjs, the socket): loaded after hydration.
const PaperEditor = lazy(() => import('../editor/paper-editor.tsx'));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data && 'organizationName' in data ? data.organizationName : ''} · IDM Consult` }];


export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const found = await getPaper(context.services.db, params.paperId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (found.paper.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  const resource = { type: 'paper', organizationId: found.paper.organizationId, round: found.facts } as const;
  const isMember = can(user, 'read-draft', resource);
  const versions = await listVersions(context.services.db, found.paper.id);
  const readsSubmitted = !isMember && versions.length > 0 && can(user, 'read-submitted', resource);
  if (!isMember && !readsSubmitted) {
    await requirePermission(context, user, 'read-draft', resource).catch(() => {});
    return data({ denied: true as const }, { status: 403 });
  }
  const canEdit = can(user, 'edit-draft', resource);
  // Those who may edit may import a Word document: its conversion thread starts now, not then.
  if (canEdit) warmConversionThread();
  return {
    denied: false as const,
    paperId: found.paper.id,
    roundId: found.round.id,
    roundTitle: found.round.title,
    organizationName: found.organizationName,
    documentName: paperDocumentName(found.paper.id),
    wordLimit: found.round.wordLimit,
    deadline: found.round.submissionDeadline,
    timeZone: found.round.timeZone,
    isMember,
    canEdit,
    canSubmit: can(user, 'submit', resource),
    readOnlyReason: isMember && !canEdit ? (found.facts.phase !== 'open' ? 'roundNotOpen' : 'deadlinePassed') : null,
    me: { name: user.name, color: colourFor(user.id) },
    actor: { id: user.id, role: user.role, organizationId: user.organizationId, isRepresentative: user.isRepresentative },
    organizationId: found.paper.organizationId,
    facts: found.facts,
    versions: versions.map((v) => ({ id: v.id, number: v.number, digest: v.digest, submittedAt: v.submittedAt, wordCount: v.wordCount, html: sanitizePaperHtml(v.html) })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const found = await getPaper(context.services.db, params.paperId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (found.paper.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  const form = await request.formData();
  if (form.get('intent') !== 'submit') throw new Response('Bad request', { status: 400 });
  const resource = { type: 'paper', organizationId: found.paper.organizationId, round: found.facts } as const;
  if (!can(user, 'submit', resource)) {
    // Someone who may not read the paper gets the refusal alone (the page would refuse them too).
    if (!can(user, 'read-draft', resource)) await requirePermission(context, user, 'submit', resource);
    const key = user.isRepresentative && user.organizationId === found.paper.organizationId ? 'errors.paper.submissionClosed' : 'errors.paper.onlyRepresentative';
    await requirePermission(context, user, 'submit', resource).catch(() => {});
    return data<FormErrors>({ errors: { form: key } }, { status: 403 });
  }
  // Everything the editors sent before this request is stored before the version is cut; if
  // the database has not taken it all within a few seconds, nothing is cut.
  const unstored = await context.services.documents.drain({ documentName: paperDocumentName(found.paper.id), deadlineMs: 5000 });
  if (unstored > 0) return data<FormErrors>({ errors: { form: 'errors.paper.notStoredYet' } }, { status: 503, headers: { 'Retry-After': '10' } });
  const content = await currentPaperContent(context.services.db, found.paper.id);
  try {
    const version = await submitPaper(context.services.db, { paperId: found.paper.id, userId: user.id, content: content.json, html: content.html, text: content.text, wordCount: content.wordCount, wordLimit: found.round.wordLimit, language: found.paper.language });
    context.services.realtime.paperSubmitted(found.paper.id);
    return redirectWithToast(`/rounds/${found.round.id}/papers/${found.paper.id}#version-${version.number}`, { kind: 'success', key: 'toast.paperSubmitted', vars: { number: version.number, digest: version.digest.slice(0, 16) } });
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function PaperPage() {
  const t = useT();
  const format = useFormat();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  useLivePaper(loaded.denied ? null : loaded.paperId);
  if (loaded.denied) {
    return (
      <section className="narrow card" aria-labelledby="denied-title">
        <h1 id="denied-title">{t('paper.denied.title')}</h1>
        <p>{t('paper.denied.body')}</p>
        <Link to="/rounds">{t('rounds.title')}</Link>
      </section>
    );
  }
  const latest = loaded.versions[0];
  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${loaded.roundId}`}>{loaded.roundTitle}</Link>
      </nav>
      <header className="page-header with-actions">
        <div>
          <h1>{t('paper.title', { organization: loaded.organizationName })}</h1>
          <p className="lead">{loaded.deadline ? t('rounds.deadline', { date: format.zoned(loaded.deadline, loaded.timeZone) }) : t('rounds.noDeadline')}</p>
        </div>
        {loaded.canSubmit && (
          <Form method="post" onSubmit={(e) => !confirm(t('paper.submitConfirm')) && e.preventDefault()}>
            <input type="hidden" name="intent" value="submit" />
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
              {navigation.state === 'submitting' ? t('forms.sending') : latest ? t('paper.resubmit') : t('paper.submit')}
            </button>
          </Form>
        )}
      </header>
      <FormError error={result?.errors?.form} />
      {loaded.readOnlyReason && <p className="notice">{t(`paper.readOnly.${loaded.readOnlyReason}`)}</p>}
      {loaded.isMember ? (
        mounted ? (
          <Suspense fallback={<p className="muted">{t('paper.loadingEditor')}</p>}>
            <PaperEditor
              documentName={loaded.documentName}
              editable={loaded.canEdit}
              user={loaded.me}
              wordLimit={loaded.wordLimit}
              comments={{ paperId: loaded.paperId, me: loaded.actor, facts: { scope: 'draft', organizationId: loaded.organizationId, round: loaded.facts } }}
              onEditClosed={() => revalidator.revalidate()}
              importUrl={`/rounds/${loaded.roundId}/papers/${loaded.paperId}/import`}
              offlineFor={loaded.actor.id}
            />
          </Suspense>
        ) : (
          <p className="muted">{t('paper.loadingEditor')}</p>
        )
      ) : (
        latest &&
        (mounted ? (
          <VersionComments versionId={latest.id} number={latest.number} html={latest.html} me={loaded.actor} facts={{ scope: 'version', organizationId: loaded.organizationId, round: loaded.facts }} />
        ) : (
          <article className="card paper-content" aria-label={t('paper.versionLabel', { number: latest.number })} dangerouslySetInnerHTML={{ __html: latest.html }} />
        ))
      )}
      {loaded.isMember && latest && mounted && (
        <VersionComments versionId={latest.id} number={latest.number} me={loaded.actor} facts={{ scope: 'version', organizationId: loaded.organizationId, round: loaded.facts }} />
      )}
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">{t('paper.versions')}</h2>
        {loaded.versions.length >= 2 && (
          <p>
            <Link to={`/rounds/${loaded.roundId}/papers/${loaded.paperId}/diff`}>{t('paper.compareVersions')}</Link>
          </p>
        )}
        {loaded.versions.length === 0 ? (
          <p className="muted">{t('paper.noVersions')}</p>
        ) : (
          <ol className="plain-list" reversed>
            {loaded.versions.map((v) => (
              <li key={v.id} id={`version-${v.number}`}>
                <strong>{t('paper.versionLabel', { number: v.number })}</strong> · {format.dateTime(v.submittedAt)} · {t('paper.words', { count: v.wordCount })}
                <div className="muted small">
                  {t('paper.receipt')} <code className="digest">{v.digest}</code>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
