import { data, type HeadersFunction, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { emailSchema, requestPasswordReset } from '../../domain/accounts.ts';
import { Field, FormError, SubmitButton } from '../components/form-field.tsx';
import { getCurrentUser } from '../utils/auth.server.ts';
import { parseWith, type FormErrors } from '../utils/forms.server.ts';
import { resolveLocale } from '../utils/i18n.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';

// Document responses take their headers from here: pass Retry-After on throttling.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forgot.title');

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, mailer, signInLimiter, background } = context.services;
  const form = Object.fromEntries(await request.formData());
  const waitMs = await signInLimiter.hit(context.clientIp ?? 'unknown');
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    return data<FormErrors & { sent?: boolean }>({ errors: { form: 'errors.signIn.throttled' }, retryAfterSeconds }, { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } });
  }
  const parsed = parseWith(z.object({ email: emailSchema }), form);
  if (!parsed.ok) return data<FormErrors & { sent?: boolean }>({ errors: parsed.errors, values: { email: form.email } }, { status: 400 });
  const current = await getCurrentUser(request, context);
  const request_ = { email: parsed.value.email, appOrigin: context.origin, locale: resolveLocale(request, current?.user), ip: context.clientIp };
  // The same answer, in the same time, whether or not the account exists: the lookup, the link
  // and the mail happen after the answer has gone.
  background.run('a password reset request', () => requestPasswordReset(db, mailer, request_));
  return data<FormErrors & { sent?: boolean }>({ errors: {}, sent: true });
}

export default function ForgotPasswordPage() {
  const t = useT();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result?.errors ?? {};
  return (
    <section className="narrow card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {result?.sent ? (
        <p role="status">{t('forgot.sent')}</p>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <Form method="post" noValidate>
            <FormError error={errors.form} vars={{ seconds: result?.retryAfterSeconds ?? 60 }} />
            <Field label={t('fields.email')} name="email" type="email" autoComplete="email" required error={errors.email} defaultValue={String(result?.values?.email ?? '')} />
            <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('forms.sending')}>
              {t('forgot.submit')}
            </SubmitButton>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t('forgot.back')}</Link>
      </p>
    </section>
  );
}
