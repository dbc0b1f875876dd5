import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { changePassword, setReceivesReminders, setTimeZone, signOutEverywhere } from '../../domain/accounts.ts';
import { calendarFeedCreatedAt, calendarFeedUrl, createCalendarFeed, revokeCalendarFeed } from '../../domain/calendar/feed.ts';
import { timeZoneChoices } from '../../domain/time-zones.ts';
import { SelectField } from '../components/select-field.tsx';
import { countUserSessions } from '../../domain/auth/sessions.ts';
import { Field, FormError, SubmitButton } from '../components/form-field.tsx';
import { clearSessionCookie, requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, type FormErrors } from '../utils/forms.server.ts';
import { useFormat, useT, useTimeZone } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const feedSince = await calendarFeedCreatedAt(context.services.db, user.id);
  return {
    email: user.email,
    name: user.name,
    timeZone: user.timeZone,
    timeZones: timeZoneChoices(),
    activeSessions: await countUserSessions(context.services.db, user.id),
    calendarFeedSince: feedSince?.toISOString() ?? null,
    receivesReminders: user.receivesReminders,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireUser(request, context);
  const { db, access } = context.services;
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'sign-out-everywhere') {
    await signOutEverywhere(db, { userId: user.id, ip: context.clientIp });
    await access.changed({ userId: user.id, reason: 'signed-out-everywhere' });
    return redirectWithToast('/login', { kind: 'info', key: 'toast.signedOutEverywhere' }, { headers: { 'Set-Cookie': clearSessionCookie(context) } });
  }
  if (intent === 'time-zone') {
    const chosen = String(form.get('timeZone') ?? '');
    try {
      await setTimeZone(db, user.id, chosen || null);
    } catch (error) {
      return domainErrorResponse(error);
    }
    return redirectWithToast('/account', { kind: 'success', key: 'toast.timeZoneSaved' });
  }
  if (intent === 'calendar-create') {
    // The address is shown this once: only its token's hash is kept.
    const token = await createCalendarFeed(db, user.id);
    return data({ calendarUrl: calendarFeedUrl(context.origin, token) });
  }
  if (intent === 'calendar-revoke') {
    await revokeCalendarFeed(db, user.id);
    return redirectWithToast('/account', { kind: 'success', key: 'toast.calendarRevoked' });
  }
  if (intent === 'reminders') {
    await setReceivesReminders(db, user.id, form.get('receivesReminders') === 'on');
    return redirectWithToast('/account', { kind: 'success', key: 'toast.remindersSaved' });
  }
  if (intent !== 'change-password') return data<FormErrors>({ errors: { form: 'errors.form.unknownIntent' } }, { status: 400 });
  const newPassword = String(form.get('newPassword') ?? '');
  if (newPassword !== String(form.get('confirmPassword') ?? '')) {
    return data<FormErrors>({ errors: { confirmPassword: 'errors.password.mismatch' } }, { status: 400 });
  }
  try {
    await changePassword(db, {
      userId: user.id,
      currentPassword: String(form.get('currentPassword') ?? ''),
      newPassword,
      keepSessionId: sessionId,
      ip: context.clientIp,
    });
  } catch (error) {
    return domainErrorResponse(error);
  }
  // The other sessions were signed out: their open pages and editors close now.
  await access.changed({ userId: user.id, reason: 'password-changed' });
  return redirectWithToast('/account', { kind: 'success', key: 'toast.passwordChanged' });
}

export default function AccountPage() {
  const t = useT();
  const { email, name, timeZone, timeZones, activeSessions, calendarFeedSince, receivesReminders } = useLoaderData<typeof loader>();
  const format = useFormat();
  const viewer = useTimeZone();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const pendingIntent = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null;
  const errors = (result && 'errors' in result ? result.errors : undefined) ?? {};
  const calendarUrl = result && 'calendarUrl' in result ? result.calendarUrl : null;
  return (
    <div className="stack">
      <h1>{t('account.title')}</h1>
      <p className="lead">
        {name} · {email}
      </p>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t('account.changePassword')}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="change-password" />
          <FormError error={errors.form} />
          <Field label={t('fields.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
          <Field label={t('fields.newPassword')} name="newPassword" type="password" autoComplete="new-password" required minLength={10} hint={t('fields.passwordHint')} error={errors.newPassword} />
          <Field label={t('fields.confirmPassword')} name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
          <SubmitButton pending={pendingIntent === 'change-password'} pendingLabel={t('forms.saving')}>
            {t('account.changePasswordSubmit')}
          </SubmitButton>
        </Form>
      </section>
      <section className="card" aria-labelledby="time-zone-title">
        <h2 id="time-zone-title">{t('account.timeZone')}</h2>
        <p>{t(viewer.source === 'none' ? 'account.timeZoneUnknown' : 'account.timeZoneNow', { zone: viewer.zone })}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="time-zone" />
          <SelectField
            label={t('account.timeZoneLabel')}
            name="timeZone"
            defaultValue={timeZone ?? ''}
            empty={viewer.source === 'browser' && !timeZone ? t('account.timeZoneBrowserIs', { zone: viewer.zone }) : t('account.timeZoneBrowser')}
            options={timeZones.map((z) => ({ value: z.zone, label: z.label }))}
            hint={t('account.timeZoneHint')}
            error={errors.timeZone ? t(errors.timeZone) : undefined}
          />
          <SubmitButton pending={pendingIntent === 'time-zone'} pendingLabel={t('forms.saving')}>
            {t('forms.save')}
          </SubmitButton>
        </Form>
      </section>
      <section className="card" aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('calendar.title')}</h2>
        <p>{t('calendar.intro')}</p>
        {calendarUrl ? (
          <div className="field">
            <label htmlFor="calendar-url">{t('calendar.newAddress')}</label>
            <input id="calendar-url" type="text" readOnly value={calendarUrl} onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : (
          <p>{calendarFeedSince ? t('calendar.since', { date: format.dateTime(calendarFeedSince) }) : t('calendar.none')}</p>
        )}
        <div className="actions">
          <Form method="post">
            <input type="hidden" name="intent" value="calendar-create" />
            <SubmitButton pending={pendingIntent === 'calendar-create'} pendingLabel={t('forms.working')} className="button button-secondary">
              {calendarFeedSince || calendarUrl ? t('calendar.regenerate') : t('calendar.create')}
            </SubmitButton>
          </Form>
          {(calendarFeedSince || calendarUrl) && (
            <Form method="post">
              <input type="hidden" name="intent" value="calendar-revoke" />
              <SubmitButton pending={pendingIntent === 'calendar-revoke'} pendingLabel={t('forms.working')} className="button button-secondary">
                {t('calendar.revoke')}
              </SubmitButton>
            </Form>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t('reminders.accountTitle')}</h2>
        <p>{t('reminders.accountIntro')}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="reminders" />
          <div className="field checkbox">
            <label>
              <input type="checkbox" name="receivesReminders" defaultChecked={receivesReminders} /> {t('reminders.receive')}
            </label>
          </div>
          <SubmitButton pending={pendingIntent === 'reminders'} pendingLabel={t('forms.saving')}>
            {t('reminders.save')}
          </SubmitButton>
        </Form>
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessions')}</h2>
        <p>{t('account.sessionsCount', { count: activeSessions })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <SubmitButton pending={pendingIntent === 'sign-out-everywhere'} pendingLabel={t('forms.working')} className="button button-secondary">
            {t('account.signOutEverywhere')}
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
