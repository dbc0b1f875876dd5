import { data, type HeadersFunction, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { signIn } from '../../domain/accounts.ts';
import { Field, FormError, SubmitButton } from '../components/form-field.tsx';
import { getCurrentUser, safeRedirect, startSession } from '../utils/auth.server.ts';
import { domainErrorResponse, parseWith, type FormErrors } from '../utils/forms.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';

// Document responses take their headers from here: pass Retry-After on throttling.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title');

const signInSchema = z.object({
  email: z.string({ error: 'errors.email.required' }).trim().min(1, 'errors.email.required').max(254, 'errors.email.invalid'),
  password: z.string({ error: 'errors.password.required' }).min(1, 'errors.password.required').max(1000, 'errors.password.tooLong'),
  redirectTo: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getCurrentUser(request, context)) throw redirect('/');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, signInLimiter } = context.services;
  const form = Object.fromEntries(await request.formData());
  const values = { email: typeof form.email === 'string' ? form.email : '' };
  const waitMs = await signInLimiter.hit(context.clientIp ?? 'unknown');
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    return data<FormErrors>(
      { errors: { form: 'errors.signIn.throttled' }, values, retryAfterSeconds },
      { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
    );
  }
  const parsed = parseWith(signInSchema, form);
  if (!parsed.ok) return data<FormErrors>({ errors: parsed.errors, values }, { status: 400 });
  try {
    const user = await signIn(db, { email: parsed.value.email, password: parsed.value.password, ip: context.clientIp });
    const cookie = await startSession(request, context, user.id);
    return redirect(safeRedirect(parsed.value.redirectTo, context.origin), { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    return domainErrorResponse(error, values);
  }
}

export default function LoginPage() {
  const t = useT();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const errors = result?.errors ?? {};
  return (
    <section className="narrow card" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <Form method="post" noValidate>
        <FormError error={errors.form} vars={{ seconds: result?.retryAfterSeconds ?? 60 }} />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        <Field label={t('fields.email')} name="email" type="email" autoComplete="username" required defaultValue={String(result?.values?.email ?? '')} error={errors.email} />
        <Field label={t('fields.password')} name="password" type="password" autoComplete="current-password" required error={errors.password} />
        <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('login.pending')}>
          {t('login.submit')}
        </SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <p className="muted">{t('login.inviteOnly')}</p>
    </section>
  );
}
