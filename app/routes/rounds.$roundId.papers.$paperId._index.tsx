import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import type { Editor } from '@tiptap/react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { currentPaperContent, getPaper, listVersions, paperDocumentName, paperResource, submitPaper } from '../../domain/papers.ts';
import { listCoSigners, signatoriesOf, signaturesOf } from '../../domain/papers/co-signers.ts';
import { acceptCoSigning, askToSignNewVersion, inviteCoSigner, signVersion, withdrawSignature } from '../../domain/papers/joint.ts';
import { JointPanel, Signatories } from '../components/papers/joint-panel.tsx';
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
import { OpenSuggestionsDialog, openSuggestionsIn } from '../components/open-suggestions-dialog.tsx';

// The editor runs in the browser only (Tiptap, Yjs, the socket): loaded after hydration.
const PaperEditor = lazy(() => import('../editor/paper-editor.tsx'));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data && 'organizationName' in data ? data.organizationName : ''} · IDM Consult` }];


export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const found = await getPaper(context.services.db, params.paperId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (found.paper.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  const resource = paperResource(found);
  const isMember = can(user, 'read-draft', resource);
  const versions = await listVersions(context.services.db, found.paper.id);
  const readsSubmitted = !isMember && versions.length > 0 && can(user, 'read-submitted', resource);
  if (!isMember && !readsSubmitted) {
    await requirePermission(context, user, 'read-draft', resource).catch(() => {});
    return data({ denied: true as const }, { status: 403 });
  }
  const canEdit = can(user, 'edit-draft', resource);
  const db = context.services.db;
  const [coSigners, signatures] = await Promise.all([listCoSigners(db, found.paper.id), signaturesOf(db, versions.map((v) => v.id))]);
  const latestVersion = versions[0];
  const asked = new Set(coSigners.map((c) => c.organizationId));
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
    canDecideSuggestions: can(user, 'decide-suggestions', resource),
    readOnlyReason: isMember && !canEdit ? readOnlyReason(user.organizationId, found) : null,
    coSigners,
    candidates: can(user, 'invite-co-signer', resource) ? found.invited.filter((o) => o.id !== found.paper.organizationId && !asked.has(o.id)) : null,
    canAccept: can(user, 'accept-co-signing', resource),
    signing:
      latestVersion && can(user, 'sign', resource)
        ? { versionId: latestVersion.id, number: latestVersion.number, digest: latestVersion.digest, signed: (signatures.get(latestVersion.id) ?? []).some((s) => s.organizationId === user.organizationId) }
        : null,
    coSignerIds: found.coSigners.accepted,
    me: { id: user.id, name: user.name, color: colourFor(user.id) },
    actor: { id: user.id, role: user.role, organizationId: user.organizationId, isRepresentative: user.isRepresentative },
    organizationId: found.paper.organizationId,
    facts: found.facts,
    versions: versions.map((v) => ({ id: v.id, number: v.number, digest: v.digest, submittedAt: v.submittedAt, wordCount: v.wordCount, publishPublicly: v.publishPublicly, html: sanitizePaperHtml(v.html), signatories: signatoriesOf(found.organizationName, signatures.get(v.id)) })),
  };
}

/** Why someone who reads the draft may not change it: the round, the deadline, or being a co-signer where the round says so. */
function readOnlyReason(organizationId: string | null, found: Awaited<ReturnType<typeof getPaper>>) {
  if (found.facts.phase !== 'open') return 'roundNotOpen' as const;
  if (organizationId === found.paper.organizationId) return 'deadlinePassed' as const;
  // A representative asked to co-sign reads the draft to answer; the panel says so.
  return organizationId && found.coSigners.accepted.includes(organizationId) ? ('coSigner' as const) : null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const found = await getPaper(context.services.db, params.paperId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (found.paper.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  const form = await request.formData();
  const intent = form.get('intent');
  const resource = paperResource(found);
  if (intent !== 'submit') return jointAction(context, user, found, resource, intent, form);
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
  // The page asks first (accept all, reject all, or go back); one opened since is refused here.
  if (content.openSuggestions > 0) return data<FormErrors>({ errors: { form: 'errors.paper.openSuggestions' } }, { status: 409 });
  try {
    const version = await submitPaper(context.services.db, { paperId: found.paper.id, userId: user.id, content: content.json, html: content.html, text: content.text, wordCount: content.wordCount, wordLimit: found.round.wordLimit, language: found.paper.language, publishPublicly: form.get('publishPublicly') === 'on' });
    context.services.realtime.paperSubmitted(found.paper.id);
    // A joint paper's co-signers are asked to sign the new version (their earlier signatures stay on the earlier ones).
    // The version is stored: a notification that cannot be filed does not undo it, nor make the
    // answer say otherwise (the co-signers see "Sign version N" on the paper's page anyway).
    const asked = await askToSignNewVersion(context.services.db, found.paper.id).catch((error: Error) => {
      console.warn(`co-signers of paper ${found.paper.id} were not notified of version ${version.number}: ${error.message}`);
      return [];
    });
    context.services.realtime.notificationsChanged(asked);
    return redirectWithToast(`/rounds/${found.round.id}/papers/${found.paper.id}#version-${version.number}`, { kind: 'success', key: 'toast.paperSubmitted', vars: { number: version.number, digest: version.digest.slice(0, 16) } });
  } catch (error) {
    return domainErrorResponse(error);
  }
}

const jointIntents = { 'invite-co-signer': 'invite-co-signer', 'accept-co-signing': 'accept-co-signing', sign: 'sign', 'withdraw-signature': 'sign' } as const;

/** The joint paper's intents: ask an organization to co-sign, accept, sign a version, withdraw a signature. */
async function jointAction(
  context: ActionFunctionArgs['context'],
  user: Awaited<ReturnType<typeof requireUser>>['user'],
  found: Awaited<ReturnType<typeof getPaper>>,
  resource: ReturnType<typeof paperResource>,
  intent: FormDataEntryValue | null,
  form: FormData,
) {
  if (typeof intent !== 'string' || !Object.hasOwn(jointIntents, intent)) return data<FormErrors>({ errors: { form: 'errors.joint.unknownIntent' } }, { status: 400 });
  const kind = intent as keyof typeof jointIntents;
  await requirePermission(context, user, jointIntents[kind], resource);
  const text = (name: string) => String(form.get(name) ?? '');
  const db = context.services.db;
  const back = `/rounds/${found.round.id}/papers/${found.paper.id}`;
  try {
    if (kind === 'invite-co-signer') {
      const organizationId = text('organizationId');
      if (!z.uuid().safeParse(organizationId).success) return data<FormErrors>({ errors: { organizationId: 'errors.joint.notInvitedToRound' } }, { status: 400 });
      const { notified } = await inviteCoSigner(db, user, { paperId: found.paper.id, organizationId });
      context.services.realtime.notificationsChanged(notified);
      return redirectWithToast(back, { kind: 'success', key: 'toast.coSignerInvited' });
    }
    if (kind === 'accept-co-signing') {
      await acceptCoSigning(db, user, { paperId: found.paper.id });
      return redirectWithToast(back, { kind: 'success', key: 'toast.coSigningAccepted' });
    }
    const versionId = text('versionId');
    if (!z.uuid().safeParse(versionId).success) return data<FormErrors>({ errors: { form: 'errors.joint.notLatest' } }, { status: 400 });
    if (kind === 'sign') {
      const { version } = await signVersion(db, user, { paperId: found.paper.id, versionId, digest: text('digest') });
      context.services.realtime.paperSubmitted(found.paper.id);
      return redirectWithToast(`${back}#version-${version.number}`, { kind: 'success', key: 'toast.versionSigned', vars: { number: version.number, digest: version.digest.slice(0, 16) } });
    }
    await withdrawSignature(db, user, { paperId: found.paper.id, versionId });
    context.services.realtime.paperSubmitted(found.paper.id);
    return redirectWithToast(back, { kind: 'success', key: 'toast.signatureWithdrawn' });
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
  const [editor, setEditor] = useState<Editor | null>(null);
  const saveState = useRef('loading');
  const submitForm = useRef<HTMLFormElement>(null);
  const [openCount, setOpenCount] = useState(0);
  const decidedForSubmission = useRef(false);
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
          <Form
            method="post"
            ref={submitForm}
            onSubmit={(e) => {
              // Open suggestions first: the dialog decides them, then submits (ADR 027).
              const open = openSuggestionsIn(editor);
              if (decidedForSubmission.current) decidedForSubmission.current = false;
              else if (open > 0) {
                e.preventDefault();
                setOpenCount(open);
              } else if (!confirm(t('paper.submitConfirm'))) e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="submit" />
            <div className="field checkbox">
              <input type="checkbox" id="publish-publicly" name="publishPublicly" defaultChecked={false} aria-describedby="publish-publicly-hint" />
              <label htmlFor="publish-publicly">{t('public.submit.publishPublicly')}</label>
              <p id="publish-publicly-hint" className="muted small">
                {t('public.submit.publishPubliclyHint')}
              </p>
            </div>
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
              {navigation.state === 'submitting' ? t('forms.sending') : latest ? t('paper.resubmit') : t('paper.submit')}
            </button>
          </Form>
        )}
      </header>
      {/* The joint panel's choice of organization has no field of its own to show its message beside. */}
      <FormError error={result?.errors?.form ?? result?.errors?.organizationId} />
      {openCount > 0 && editor && (
        <OpenSuggestionsDialog
          editor={editor}
          count={openCount}
          saveState={() => saveState.current}
          onClose={() => setOpenCount(0)}
          onDecided={() => {
            setOpenCount(0);
            decidedForSubmission.current = true;
            submitForm.current?.requestSubmit();
          }}
        />
      )}
      {loaded.readOnlyReason && <p className="notice">{t(`paper.readOnly.${loaded.readOnlyReason}`)}</p>}
      <JointPanel coSigners={loaded.coSigners} candidates={loaded.candidates} canAccept={loaded.canAccept} signing={loaded.signing} />
      {loaded.isMember ? (
        mounted ? (
          <Suspense fallback={<p className="muted">{t('paper.loadingEditor')}</p>}>
            <PaperEditor
              documentName={loaded.documentName}
              editable={loaded.canEdit}
              user={loaded.me}
              wordLimit={loaded.wordLimit}
              comments={{ paperId: loaded.paperId, me: loaded.actor, facts: { scope: 'draft', organizationId: loaded.organizationId, round: loaded.facts, coSignerIds: loaded.coSignerIds } }}
              onEditClosed={() => revalidator.revalidate()}
              importUrl={`/rounds/${loaded.roundId}/papers/${loaded.paperId}/import`}
              offlineFor={loaded.actor.id}
              onEditor={setEditor}
              suggestions={{ me: loaded.me, canDecide: loaded.canDecideSuggestions }}
              onSaveState={(s) => {
                saveState.current = s;
              }}
            />
          </Suspense>
        ) : (
          <p className="muted">{t('paper.loadingEditor')}</p>
        )
      ) : (
        latest &&
        (mounted ? (
          <VersionComments versionId={latest.id} number={latest.number} html={latest.html} me={loaded.actor} facts={{ scope: 'version', organizationId: loaded.organizationId, round: loaded.facts, coSignerIds: loaded.coSignerIds }} />
        ) : (
          <article className="card paper-content" aria-label={t('paper.versionLabel', { number: latest.number })} dangerouslySetInnerHTML={{ __html: latest.html }} />
        ))
      )}
      {loaded.isMember && latest && mounted && (
        <VersionComments versionId={latest.id} number={latest.number} me={loaded.actor} facts={{ scope: 'version', organizationId: loaded.organizationId, round: loaded.facts, coSignerIds: loaded.coSignerIds }} />
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
                <strong>{t('paper.versionLabel', { number: v.number })}</strong> · {format.dateTime(v.submittedAt)} · {t('paper.words', { count: v.wordCount })} · {v.publishPublicly ? t('public.submit.versionPublic') : t('public.submit.versionNotPublic')}
                <div className="muted small">
                  {t('paper.receipt')} <code className="digest">{v.digest}</code>
                </div>
                <Signatories names={v.signatories} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
