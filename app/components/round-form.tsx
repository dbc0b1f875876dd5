/** The form to open or edit a consultation round. */
import { Form, useNavigation } from '@remix-run/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { areas } from '../../domain/vocabulary.ts';
import { useT } from '../utils/i18n.tsx';
import { CheckboxGroup } from './checkbox-group.tsx';
import { SelectField } from './select-field.tsx';

// The rich-text editor runs in the browser only; without JavaScript the text area stays.
const FramingEditor = lazy(() => import('../editor/framing-editor.tsx'));
import { Field, FormError, SubmitButton } from './form-field.tsx';

const phases = ['draft', 'open', 'sessions', 'synthesis', 'published', 'closed'] as const;
const visibilities = ['on-submission', 'after-deadline', 'never'] as const;

export interface RoundFormValues {
  title?: string;
  framing?: string;
  areas?: string[];
  phase?: string;
  submissionDeadline?: string | null;
  wordLimit?: string | number | null;
  positionVisibility?: string;
  invitedOrganizationIds?: string[];
}

export function RoundForm({ values, errors, organizations, submitLabel }: { values: RoundFormValues; errors: Record<string, string>; organizations: Array<{ id: string; name: string }>; submitLabel: string }) {
  const t = useT();
  const navigation = useNavigation();
  const invited = new Set(values.invitedOrganizationIds ?? []);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <Form method="post" noValidate className="card stack">
      <FormError error={errors.form} />
      <Field label={t('round.title')} name="title" required defaultValue={values.title ?? ''} error={errors.title} />
      <div className="field">
        <label htmlFor="framing">{t('round.framing')}</label>
        <p className="field-hint" id="framing-hint">{t('round.framingHint')}</p>
        {mounted ? (
          <Suspense fallback={<p className="muted">{t('paper.loadingEditor')}</p>}>
            <FramingEditor name="framing" initialHtml={values.framing ?? ''} describedBy="framing-hint" />
          </Suspense>
        ) : (
          <textarea id="framing" name="framing" rows={6} defaultValue={values.framing ?? ''} aria-describedby="framing-hint" />
        )}
        {errors.framing && <p className="field-error">{t(errors.framing)}</p>}
      </div>
      <CheckboxGroup legend={t('organization.areas')} name="areas" checked={values.areas} options={areas.map((a) => ({ value: a, label: t(`areas.${a}`) }))} />
      <div className="grid-2">
        <SelectField label={t('round.phase')} name="phase" defaultValue={values.phase ?? 'draft'} options={phases.map((p) => ({ value: p, label: t(`phases.${p}`) }))} />
        <Field label={t('round.deadline')} name="submissionDeadline" type="datetime-local" defaultValue={values.submissionDeadline ?? ''} error={errors.submissionDeadline} hint={t('round.deadlineHint')} />
        <Field label={t('round.wordLimit')} name="wordLimit" type="number" min={50} defaultValue={values.wordLimit ?? ''} error={errors.wordLimit} />
        <SelectField label={t('round.visibility')} name="positionVisibility" defaultValue={values.positionVisibility ?? 'after-deadline'} options={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))} />
      </div>
      <fieldset className="checkbox-group">
        <legend>{t('round.inviteByFilter')}</legend>
        <p className="field-hint">{t('round.inviteByFilterHint')}</p>
        <div className="field">
          <label htmlFor="inviteArea">{t('organization.areas')}</label>
          <select id="inviteArea" name="inviteArea" defaultValue="">
            <option value="">{t('round.inviteNone')}</option>
            <option value="*">{t('organizations.any')}</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {t(`areas.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input type="checkbox" name="inviteObserversOnly" defaultChecked /> {t('round.inviteObserversOnly')}
        </label>
      </fieldset>
      <fieldset className="checkbox-group scroll-box">
        <legend>{t('round.invited', { count: invited.size })}</legend>
        {organizations.map((o) => (
          <label key={o.id}>
            <input type="checkbox" name="invitedOrganizationIds" value={o.id} defaultChecked={invited.has(o.id)} /> {o.name}
          </label>
        ))}
      </fieldset>
      <div>
        <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('forms.saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}
