import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { createInvitation, invitationSchema } from '../../domain/invitations.ts';
import { can } from '../../domain/permissions.ts';
import { listOrganizationNames } from '../../domain/organizations.ts';
import { roles } from '../../domain/vocabulary.ts';
import { Field, FormError, SubmitButton } from '../components/form-field.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, parseWith, type FormErrors } from '../utils/forms.server.ts';
import { resolveLocale } from '../utils/i18n.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invitations.new');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'create', { type: 'invitation', role: 'observer', organizationId: user.organizationId ?? '' });
  const all = await listOrganizationNames(context.services.db);
  return {
    // Only the organizations and roles this person may invite to are offered.
    organizations: all.filter((o) => can(user, 'create', { type: 'invitation', role: 'observer', organizationId: o.id })),
    roles: roles.filter((role) => can(user, 'create', { type: 'invitation', role, organizationId: role === 'observer' ? (user.organizationId ?? all[0]?.id ?? '') : null })),
  };
}

type Result = FormErrors & { link?: string; email?: string; delivered?: boolean };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const form = Object.fromEntries(await request.formData());
  const values = { email: form.email, role: form.role, organizationId: form.organizationId, isRepresentative: form.isRepresentative };
  const parsed = parseWith(invitationSchema, {
    email: form.email,
    role: form.role,
    organizationId: form.role === 'observer' ? form.organizationId || null : null,
    isRepresentative: form.isRepresentative === 'on',
  });
  if (!parsed.ok) return data<Result>({ errors: parsed.errors, values }, { status: 400 });
  await requirePermission(context, user, 'create', { type: 'invitation', role: parsed.value.role, organizationId: parsed.value.organizationId });
  try {
    const created = await createInvitation(context.services.db, context.services.mailer, {
      ...parsed.value,
      invitedBy: user,
      appOrigin: context.origin,
      locale: resolveLocale(request, user),
      ip: context.clientIp,
    });
    if (parsed.value.organizationId) context.services.realtime.organizationChanged(parsed.value.organizationId);
    return data<Result>({ errors: {}, link: created.link, email: parsed.value.email, delivered: created.delivered });
  } catch (error) {
    return domainErrorResponse(error, values);
  }
}

export default function NewInvitationPage() {
  const t = useT();
  const { organizations, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const errors = result?.errors ?? {};
  const values = (result?.values ?? {}) as Record<string, string | undefined>;
  if (result?.link) {
    return (
      <section className="narrow card stack" aria-labelledby="sent-title">
        <h1 id="sent-title">{t('invitations.created.title')}</h1>
        <p role="status">{t(result.delivered ? 'invitations.created.mailed' : 'invitations.created.outbox', { email: result.email ?? '' })}</p>
        <div className="field">
          <label htmlFor="invitation-link">{t('invitations.created.link')}</label>
          <input id="invitation-link" readOnly value={result.link} onFocus={(e) => e.currentTarget.select()} />
        </div>
        <p className="muted">{t('invitations.created.linkHint')}</p>
        <p>
          <Link to="/invitations/new" reloadDocument className="button button-secondary">
            {t('invitations.another')}
          </Link>{' '}
          <Link to="/invitations">{t('invitations.title')}</Link>
        </p>
      </section>
    );
  }
  // A representative can only invite to their own organization: it is chosen already.
  const defaultOrganization = values.organizationId ?? params.get('organizationId') ?? (organizations.length === 1 ? organizations[0]!.id : '');
  return (
    <section className="narrow card" aria-labelledby="invite-title">
      <h1 id="invite-title">{t('invitations.new')}</h1>
      <p className="lead">{t('invitations.newIntro')}</p>
      <Form method="post" noValidate>
        <FormError error={errors.form} />
        <Field label={t('fields.email')} name="email" type="email" autoComplete="off" required defaultValue={values.email ?? ''} error={errors.email} />
        <div className="field">
          <label htmlFor="role">{t('invitations.role')}</label>
          <select id="role" name="role" defaultValue={values.role ?? 'observer'}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          {errors.role && <p className="field-error">{t(errors.role)}</p>}
        </div>
        <div className="field">
          <label htmlFor="organizationId">{t('invitations.organization')}</label>
          <p className="field-hint" id="organization-hint">
            {t('invitations.organizationHint')}
          </p>
          <select id="organizationId" name="organizationId" defaultValue={defaultOrganization} aria-describedby="organization-hint" aria-invalid={errors.organizationId ? true : undefined}>
            <option value="">{t('invitations.chooseOrganization')}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {errors.organizationId && <p className="field-error">{t(errors.organizationId)}</p>}
        </div>
        <div className="field checkbox">
          <label>
            <input type="checkbox" name="isRepresentative" defaultChecked={values.isRepresentative === 'on' || params.get('representative') === '1'} /> {t('invitations.asRepresentative')}
          </label>
        </div>
        <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('forms.sending')}>
          {t('invitations.send')}
        </SubmitButton>
      </Form>
    </section>
  );
}
