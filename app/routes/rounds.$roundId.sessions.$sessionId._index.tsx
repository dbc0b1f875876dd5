/** A live consultation session: the room (`?view=projector` for a screen in the room). */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import { can } from '../../domain/permissions.ts';
import { sessionNotesDocumentName } from '../../domain/collaboration/documents.ts';
import { colourFor } from '../utils/colour.ts';
import { lazy, Suspense, useEffect, useState } from 'react';
import { getSession, presenceFor, presentIn, rescheduleSession, sessionResource, sessionState } from '../../domain/sessions/sessions.ts';
import { wallTimeOf, zoneLabel } from '../../domain/time-zones.ts';
import { Field, SubmitButton } from '../components/form-field.tsx';
import { redirectWithToast } from '../utils/toast.server.ts';
import { listRoundPapers } from '../../domain/rounds.ts';
import { LiveRoom } from '../components/sessions/live-room.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import type { ShellHandle } from '../components/app-shell.tsx';

// The same editor as papers, in the browser only.
const PaperEditor = lazy(() => import('../editor/paper-editor.tsx'));

/** `?view=projector` takes the whole screen: no header, navigation or footer. */
export const handle: ShellHandle = { bare: (search) => search.get('view') === 'projector' };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.state.title ?? ''} · IDM Consult` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { session, round, facts } = await getSession(context.services.db, params.sessionId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (session.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  const resource = sessionResource(session, facts);
  await requirePermission(context, user, 'attend', resource);
  return data(
    {
      state: await sessionState(context.services.db, session.id),
      // Person by person for IOM staff; the organizations present for participants.
      present: presenceFor(user, resource, await presentIn(context.services.db, session.id)),
      personByPerson: can(user, 'read-attendance', resource),
      // The papers an agenda item may be about, for the facilitator: those submitted.
      papers: can(user, 'run', resource) ? (await listRoundPapers(context.services.db, round.id)).filter((p) => p.versions > 0).map((p) => ({ id: p.id, organizationName: p.organizationName })) : [],
      round: { id: round.id, title: round.title, timeZone: round.timeZone },
      facts,
      me: { id: user.id, role: user.role, organizationId: user.organizationId, isRepresentative: user.isRepresentative },
      projector: new URL(request.url).searchParams.get('view') === 'projector',
      // Facilitators move a session that has not started; the start as its field shows it, in the round's zone.
      move: can(user, 'schedule', resource) && session.status === 'scheduled' ? { startsAt: wallTimeOf(session.startsAt, round.timeZone), zone: zoneLabel(round.timeZone) } : null,
      // Notes of the session, written together by IOM staff.
      notes: can(user, 'read-notes', resource)
        ? { documentName: sessionNotesDocumentName(session.id), editable: can(user, 'edit-notes', resource), me: { name: user.name, color: colourFor(user.id) } }
        : null,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { session, facts } = await getSession(context.services.db, params.sessionId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (session.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  const form = await request.formData();
  if (form.get('intent') !== 'move') return data({ errors: { form: 'errors.form.unknownIntent' } as Record<string, string> }, { status: 400 });
  await requirePermission(context, user, 'schedule', sessionResource(session, facts));
  try {
    const state = await rescheduleSession(context.services.db, user, session.id, String(form.get('startsAt') ?? ''));
    context.services.realtime.sessionChanged(state);
  } catch (error) {
    return domainErrorResponse(error);
  }
  return redirectWithToast(`/rounds/${session.roundId}/sessions/${session.id}`, { kind: 'success', key: 'toast.sessionMoved' });
}

export default function SessionPage() {
  const t = useT();
  const format = useFormat();
  const loaded = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const moveErrors: Record<string, string> = (result && 'errors' in result ? result.errors : undefined) ?? {};
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const base = `/rounds/${loaded.round.id}/sessions/${loaded.state.id}`;
  return (
    <div className={loaded.projector ? 'projector-page' : 'stack'}>
      {!loaded.projector && (
        <div className="breadcrumb-row">
          {/* The trail ends at this session; its other views are links beside it. */}
          <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
            <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${loaded.round.id}`}>{loaded.round.title}</Link> › <span aria-current="page">{loaded.state.title}</span>
          </nav>
          <p className="view-links">
            <Link to={`${base}?view=projector`}>{t('sessions.projector')}</Link>
            {' · '}
            <a href={`${base}/calendar.ics`} download>
              {t('calendar.addToCalendar')}
            </a>
            {loaded.state.status === 'closed' && (
              <>
                {' · '}
                <Link to={`${base}/record`}>{t('sessions.record')}</Link>
              </>
            )}
          </p>
        </div>
      )}
      {loaded.move && !loaded.projector && (
        <details className="card">
          <summary>{t('sessions.move')}</summary>
          <Form method="post" noValidate className="inline-form">
            <input type="hidden" name="intent" value="move" />
            <Field label={t('sessions.moveStartsAt', { zone: loaded.move.zone })} name="startsAt" type="datetime-local" required defaultValue={loaded.move.startsAt} error={moveErrors.startsAt ?? moveErrors.form} />
            <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('forms.saving')}>
              {t('sessions.moveSubmit')}
            </SubmitButton>
          </Form>
        </details>
      )}
      {mounted ? (
        <>
          <LiveRoom initial={loaded.state} initialPresent={loaded.present} papers={loaded.papers} me={loaded.me} round={loaded.facts} timeZone={loaded.round.timeZone} projector={loaded.projector} />
          {loaded.notes && !loaded.projector && (
            // Not a landmark of its own: the editor inside is one, under the same name (landmark-unique).
            <div className="stack">
              <h2 id="notes-title">{t('sessions.notes')}</h2>
              <Suspense fallback={<p className="muted">{t('paper.loadingEditor')}</p>}>
                <PaperEditor documentName={loaded.notes.documentName} editable={loaded.notes.editable} user={loaded.notes.me} wordLimit={null} label={t('sessions.notes')} onEditClosed={() => revalidator.revalidate()} />
              </Suspense>
            </div>
          )}
        </>
      ) : (
        <>
          <h1>{loaded.state.title}</h1>
          {!loaded.projector && <p className="lead">{format.zoned(loaded.state.startsAt, loaded.round.timeZone)}</p>}
          <p className="muted">{t('sessions.connecting')}</p>
        </>
      )}
    </div>
  );
}
