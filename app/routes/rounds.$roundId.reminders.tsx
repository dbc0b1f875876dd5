/**
 * Who to remind in a round: the invited organizations with what they have done (started,
 * submitted, joined a session, last reminded), and a form to remind the ones ticked or all that
 * have not submitted. The reminders are queued at once and sent in the background.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { roundProgress } from '../../domain/reminders/progress.ts';
import { queueFacilitatorReminder } from '../../domain/reminders/queue.ts';
import { sendQueuedReminders } from '../../domain/reminders/sender.ts';
import { getRound } from '../../domain/rounds.ts';
import { FormError, SubmitButton } from '../components/form-field.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, formObject, type FormErrors } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reminders.title');

async function load({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { round, facts } = await getRound(context.services.db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  await requirePermission(context, user, 'remind', { type: 'round', round: facts });
  return { user, round, facts };
}

export async function loader(args: LoaderFunctionArgs) {
  const { round } = await load(args);
  return data({ round: { id: round.id, title: round.title }, organizations: await roundProgress(args.context.services.db, round.id) }, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, round, facts } = await load(args);
  const { db, mailer, config, background } = args.context.services;
  const form = formObject(await args.request.formData(), ['organizationIds']);
  let organizationIds = form.organizationIds as string[];
  if (form.intent === 'not-submitted') organizationIds = (await roundProgress(db, round.id)).filter((o) => !o.submitted).map((o) => o.organizationId);
  else if (form.intent !== 'chosen') return data<FormErrors>({ errors: { form: 'errors.form.unknownIntent' } }, { status: 400 });
  let queued: number;
  try {
    ({ queued } = await queueFacilitatorReminder(db, user, facts, { organizationIds, note: form.note ?? '' }));
  } catch (error) {
    return domainErrorResponse(error, { note: form.note });
  }
  // Sent after the answer; the job's next run finishes what a stop interrupts.
  background.run('reminders', () => sendQueuedReminders(db, mailer, { origin: config.appOrigin, leaseMs: config.reminderLeaseMs }));
  return redirectWithToast(`/rounds/${round.id}/reminders`, { kind: 'success', key: 'toast.remindersQueued', vars: { count: queued } });
}

export default function RemindersPage() {
  const t = useT();
  const format = useFormat();
  const { round, organizations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null;
  const errors: Record<string, string> = (result && 'errors' in result ? result.errors : undefined) ?? {};
  const yesNo = (value: boolean) => (value ? t('reminders.yes') : t('reminders.no'));
  const count = (test: (o: (typeof organizations)[number]) => boolean) => organizations.filter(test).length;
  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${round.id}`}>{round.title}</Link> › <span aria-current="page">{t('reminders.title')}</span>
      </nav>
      <h1>{t('reminders.title')}</h1>
      <p>{t('reminders.intro')}</p>
      {organizations.length === 0 ? (
        <p>{t('reminders.none')}</p>
      ) : (
        <>
          <p className="muted">
            {t('reminders.filterNotStarted', { count: count((o) => !o.started) })} · {t('reminders.filterNotSubmitted', { count: count((o) => !o.submitted) })} · {t('reminders.filterNotJoined', { count: count((o) => !o.joinedSession) })}
          </p>
          <Form method="post" className="stack">
            <FormError error={errors.form ?? errors.organizationIds} />
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('reminders.organization')}</th>
                    <th scope="col">{t('reminders.started')}</th>
                    <th scope="col">{t('reminders.submitted')}</th>
                    <th scope="col">{t('reminders.joined')}</th>
                    <th scope="col">{t('reminders.members')}</th>
                    <th scope="col">{t('reminders.lastReminded')}</th>
                  </tr>
                </thead>
                <tbody>
                  {organizations.map((o) => (
                    <tr key={o.organizationId}>
                      <th scope="row">
                        <label>
                          <input type="checkbox" name="organizationIds" value={o.organizationId} aria-label={t('reminders.choose', { organization: o.name })} /> {o.name}
                        </label>
                      </th>
                      <td>{yesNo(o.started)}</td>
                      <td>{yesNo(o.submitted)}</td>
                      <td>{yesNo(o.joinedSession)}</td>
                      <td>{o.members}</td>
                      <td>{o.lastRemindedAt ? format.dateTime(o.lastRemindedAt) : t('reminders.never')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="field">
              <label htmlFor="reminder-note">{t('reminders.note')}</label>
              <textarea id="reminder-note" name="note" rows={3} maxLength={2000} aria-invalid={errors.note ? true : undefined} aria-describedby={errors.note ? 'reminder-note-error' : undefined} />
              {errors.note && (
                <p className="field-error" id="reminder-note-error">
                  {t(errors.note)}
                </p>
              )}
            </div>
            <div className="actions">
              <SubmitButton name="intent" value="chosen" pending={pending === 'chosen'} pendingLabel={t('forms.sending')}>
                {t('reminders.sendChosen')}
              </SubmitButton>
              <SubmitButton name="intent" value="not-submitted" pending={pending === 'not-submitted'} pendingLabel={t('forms.sending')} className="button button-secondary">
                {t('reminders.sendAllNotSubmitted')}
              </SubmitButton>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
