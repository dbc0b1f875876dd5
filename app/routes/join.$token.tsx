import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { acceptInvitation, acceptInvitationSchema, findInvitation } from '../../domain/invitations.ts';
import { Field, FormError, SubmitButton } from '../components/form-field.tsx';
import { LinkProblem } from '../components/link-problem.tsx';
import { startSession } from '../utils/auth.server.ts';
import { domainErrorResponse, parseWith, type FormErrors } from '../utils/forms.server.ts';
import { resolveLocale } from '../utils/i18n.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'join.title');

export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await findInvitation(context.services.db, params.token ?? '');
  return data(
    {
      state: found.state,
      invitation: found.invitation && found.state === 'valid'
        ? { email: found.invitation.email, role: found.invitation.role, isRepresentative: found.invitation.isRepresentative, organizationName: found.organizationName }
        : null,
    },
    { status: found.state === 'valid' ? 200 : found.state === 'unknown' ? 404 : 410 },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const values = { name: form.name };
  const parsed = parseWith(acceptInvitationSchema, form);
  if (!parsed.ok) return data<FormErrors>({ errors: parsed.errors, values }, { status: 400 });
  if (form.password !== form.confirmPassword) {
    return data<FormErrors>({ errors: { confirmPassword: 'errors.password.mismatch' }, values }, { status: 400 });
  }
  try {
    const user = await acceptInvitation(context.services.db, {
      token: params.token ?? '',
      name: parsed.value.name,
      password: parsed.value.password,
      locale: resolveLocale(request),
      ip: context.clientIp,
    });
    const cookie = await startSession(request, context, user.id);
    return redirectWithToast('/', { kind: 'success', key: 'toast.welcome', vars: { name: user.name } }, { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    return domainErrorResponse(error, values);
  }
}

export default function JoinPage() {
  const t = useT();
  const { state, invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result?.errors ?? {};
  if (state !== 'valid' || !invitation) {
    return <LinkProblem title={t(`join.${state}.title`)} body={t(`join.${state}.body`)} action={{ to: '/login', label: t('join.toSignIn') }} />;
  }
  const role = t(`roles.${invitation.role}`) + (invitation.isRepresentative ? ` · ${t('organization.representative')}` : '');
  return (
    <section className="narrow card" aria-labelledby="join-title">
      <h1 id="join-title">{t('join.title')}</h1>
      <p className="lead">
        {invitation.organizationName
          ? t('join.introOrganization', { organization: invitation.organizationName, role })
          : t('join.introStaff', { role })}
      </p>
      <Form method="post" noValidate>
        <FormError error={errors.form} />
        <Field label={t('fields.email')} name="email" type="email" value={invitation.email} readOnly autoComplete="username" />
        <Field label={t('fields.name')} name="name" autoComplete="name" required defaultValue={String(result?.values?.name ?? '')} error={errors.name} />
        <Field label={t('fields.password')} name="password" type="password" autoComplete="new-password" required minLength={10} hint={t('fields.passwordHint')} error={errors.password} />
        <Field label={t('fields.confirmPassword')} name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
        <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('forms.saving')}>
          {t('join.submit')}
        </SubmitButton>
      </Form>
    </section>
  );
}
