/** A facilitator schedules a live session of a round: title, date and time, speaking time, agenda. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getRound } from '../../domain/rounds.ts';
import { scheduleSession, sessionSchemaIn } from '../../domain/sessions/sessions.ts';
import { zoneLabel } from '../../domain/time-zones.ts';
import { Field, FormError, SubmitButton } from '../components/form-field.tsx';
import { SelectField } from '../components/select-field.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, formObject, invalid, parseWith } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sessions.new');

async function roundFor(params: { roundId?: string }, context: LoaderFunctionArgs['context']) {
  return getRound(context.services.db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { round, facts } = await roundFor(params, context);
  await requirePermission(context, user, 'schedule', { type: 'session', round: facts, status: 'scheduled' });
  return { round: { id: round.id, title: round.title, timeZone: round.timeZone } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { round, facts } = await roundFor(params, context);
  await requirePermission(context, user, 'schedule', { type: 'session', round: facts, status: 'scheduled' });
  const values = formObject(await request.formData());
  // The form's date and time are in the round's own zone, as the page says.
  const parsed = parseWith(sessionSchemaIn(round.timeZone), { ...values, startsAt: values.startsAt || undefined });
  if (!parsed.ok) return invalid(parsed.errors, values);
  const session = await scheduleSession(context.services.db, user, round.id, parsed.value);
  return redirectWithToast(`/rounds/${round.id}/sessions/${session.id}`, { kind: 'success', key: 'toast.sessionScheduled' });
}

export default function ScheduleSessionPage() {
  const t = useT();
  const { round } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = (result?.values ?? {}) as unknown as Record<string, string>;
  const errors = result?.errors ?? {};
  return (
    <div className="stack narrow-wide">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${round.id}`}>{round.title}</Link>
      </nav>
      <h1>{t('sessions.new')}</h1>
      <Form method="post" noValidate className="card stack">
        <FormError error={errors.form} />
        <Field label={t('sessions.titleField')} name="title" required defaultValue={values.title ?? ''} error={errors.title} />
        <Field label={t('sessions.startsAt')} name="startsAt" type="datetime-local" required defaultValue={values.startsAt ?? ''} error={errors.startsAt} hint={t('sessions.startsAtHint', { zone: zoneLabel(round.timeZone) })} />
        <SelectField
          label={t('sessions.attendees')}
          name="attendees"
          defaultValue={values.attendees ?? 'members'}
          options={(['members', 'representatives'] as const).map((v) => ({ value: v, label: t(`sessions.attendeesOption.${v}`) }))}
        />
        <Field label={t('sessions.speakingMinutes')} name="speakingMinutes" type="number" min={1} max={30} defaultValue={values.speakingMinutes ?? '3'} error={errors.speakingMinutes} />
        <div className="field">
          <label htmlFor="agenda">{t('sessions.agenda')}</label>
          <p className="field-hint" id="agenda-hint">
            {t('sessions.agendaHint')}
          </p>
          <textarea id="agenda" name="agenda" rows={6} defaultValue={values.agenda ?? ''} aria-invalid={errors.agenda ? true : undefined} aria-describedby={errors.agenda ? 'agenda-hint agenda-error' : 'agenda-hint'} />
          {errors.agenda && (
            <p className="field-error" id="agenda-error">
              {t(errors.agenda)}
            </p>
          )}
        </div>
        <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('forms.saving')}>
          {t('sessions.schedule')}
        </SubmitButton>
      </Form>
    </div>
  );
}
