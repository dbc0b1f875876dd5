/** The form to create or edit an organization, shared by /organizations/new and /:id/edit. */
import { Form, useNavigation } from '@remix-run/react';
import { areas, levels, relationships } from '../../domain/vocabulary.ts';
import { useT } from '../utils/i18n.tsx';
import { CheckboxGroup } from './checkbox-group.tsx';
import { Field, FormError, SubmitButton } from './form-field.tsx';

export interface OrganizationFormValues {
  name?: string;
  acronym?: string | null;
  countries?: string[] | string;
  level?: string;
  areas?: string[];
  relationships?: string[];
  hasObserverStatus?: boolean | string;
  observerSince?: string | null;
  description?: string;
}

export function OrganizationForm({ values, errors, submitLabel }: { values: OrganizationFormValues; errors: Record<string, string>; submitLabel: string }) {
  const t = useT();
  const navigation = useNavigation();
  const countries = Array.isArray(values.countries) ? values.countries.join(', ') : (values.countries ?? '');
  const observer = values.hasObserverStatus === true || values.hasObserverStatus === 'on';
  return (
    <Form method="post" noValidate className="card stack">
      <FormError error={errors.form} />
      <Field label={t('organization.name')} name="name" required defaultValue={values.name ?? ''} error={errors.name} />
      <Field label={t('organization.acronym')} name="acronym" defaultValue={values.acronym ?? ''} error={errors.acronym} />
      <Field label={t('organization.countries')} name="countries" hint={t('organization.countriesHint')} defaultValue={countries} error={errors.countries} />
      <div className="field">
        <label htmlFor="level">{t('organization.level')}</label>
        <select id="level" name="level" defaultValue={values.level ?? 'national'} aria-invalid={errors.level ? true : undefined}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(`levels.${l}`)}
            </option>
          ))}
        </select>
        {errors.level && <p className="field-error">{t(errors.level)}</p>}
      </div>
      <CheckboxGroup legend={t('organization.areas')} name="areas" checked={values.areas} error={errors.areas && t(errors.areas)} options={areas.map((a) => ({ value: a, label: t(`areas.${a}`) }))} />
      <CheckboxGroup
        legend={t('organization.relationships')}
        name="relationships"
        checked={values.relationships}
        error={errors.relationships && t(errors.relationships)}
        options={relationships.map((r) => ({ value: r, label: t(`relationships.${r}`) }))}
      />
      <fieldset className="checkbox-group">
        <legend>{t('organization.observerStatus')}</legend>
        <label>
          <input type="checkbox" name="hasObserverStatus" defaultChecked={observer} /> {t('organization.hasObserverStatus')}
        </label>
        <Field label={t('organization.observerSinceLabel')} name="observerSince" type="date" defaultValue={values.observerSince ?? ''} error={errors.observerSince} />
      </fieldset>
      <div className="field">
        <label htmlFor="description">{t('organization.description')}</label>
        <textarea id="description" name="description" rows={4} defaultValue={values.description ?? ''} aria-invalid={errors.description ? true : undefined} />
        {errors.description && <p className="field-error">{t(errors.description)}</p>}
      </div>
      <div>
        <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('forms.saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}
