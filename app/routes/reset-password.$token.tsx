import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { checkResetToken, resetPassword } from '../../domain/accounts.ts';
import { Field, FormError, SubmitButton } from '../components/form-field.tsx';
import { LinkProblem } from '../components/link-problem.tsx';
import { startSession } from '../utils/auth.server.ts';
import { domainErrorResponse, type FormErrors } from '../utils/forms.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reset.title');

export async function loader({ params, context }: LoaderFunctionArgs) {
  const state = await checkResetToken(context.services.db, params.token ?? '');
  return data({ state }, { status: state === 'valid' ? 200 : 410 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const password = String(form.get('password') ?? '');
  if (password !== String(form.get('confirmPassword') ?? '')) {
    return data<FormErrors>({ errors: { confirmPassword: 'errors.password.mismatch' } }, { status: 400 });
  }
  try {
    const user = await resetPassword(context.services.db, { token: params.token ?? '', newPassword: password, ip: context.clientIp });
    // Every session was signed out: whatever is still open elsewhere closes now.
    await context.services.access.changed({ userId: user.id, reason: 'password-reset' });
    const cookie = await startSession(request, context, user.id);
    return redirectWithToast('/', { kind: 'success', key: 'toast.passwordReset' }, { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function ResetPasswordPage() {
  const t = useT();
  const { state } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result?.errors ?? {};
  if (state !== 'valid') {
    return <LinkProblem title={t(`reset.${state}.title`)} body={t(`reset.${state}.body`)} action={{ to: '/forgot-password', label: t('reset.askAgain'), primary: true }} />;
  }
  return (
    <section className="narrow card" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      <Form method="post" noValidate>
        <FormError error={errors.form} />
        <Field label={t('fields.newPassword')} name="password" type="password" autoComplete="new-password" required minLength={10} hint={t('fields.passwordHint')} error={errors.password} />
        <Field label={t('fields.confirmPassword')} name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
        <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('forms.saving')}>
          {t('reset.submit')}
        </SubmitButton>
      </Form>
    </section>
  );
}
