/** The form to open or edit a consultation round. */
import { Form, useNavigation } from '@remix-run/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { areas } from '../../domain/vocabulary.ts';
import { defaultRoundTimeZone, zoneLabel } from '../../domain/time-zones.ts';
import { OrganizationPicker } from './organization-picker.tsx';
import { useT } from '../utils/i18n.tsx';
import { CheckboxGroup } from './checkbox-group.tsx';
import { SelectField } from './select-field.tsx';

// The rich-text editor runs in the browser only; without JavaScript the text area stays.
const FramingEditor = lazy(() => import('../editor/framing-editor.tsx'));
import { Field, FormError, SubmitButton } from './form-field.tsx';

const phases = ['draft', 'open', 'sessions', 'synthesis', 'published', 'closed'] as const;
const visibilities = ['on-submission', 'after-deadline', 'never'] as const;
const coSignerAccesses = ['read-and-comment', 'edit'] as const;

export interface RoundFormValues {
  title?: string;
  timeZone?: string;
  framing?: string;
  areas?: string[];
  phase?: string;
  submissionDeadline?: string | null;
  wordLimit?: string | number | null;
  positionVisibility?: string;
  coSignerAccess?: string;
  invitedOrganizationIds?: string[];
  /** "7, 2, 1" as typed, or the stored days. */
  reminderDays?: string | number[];
}

export interface OrganizationChoice {
  id: string;
  name: string;
  acronym: string | null;
  areas: string[];
  countries: string[];
  observer: boolean;
}

export function RoundForm({ values, errors, organizations, timeZones, submitLabel, isNew = false }: { values: RoundFormValues; errors: Record<string, string>; organizations: OrganizationChoice[]; timeZones: Array<{ zone: string; label: string }>; submitLabel: string; isNew?: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  // Controlled, so that the deadline's hint names the zone chosen now.
  const [timeZone, setTimeZone] = useState(values.timeZone || defaultRoundTimeZone);
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
        {/* A new round opens for positions unless its facilitator wants to prepare it first: the hint says so. */}
        <SelectField label={t('round.phase')} name="phase" defaultValue={values.phase ?? (isNew ? 'open' : 'draft')} options={phases.map((p) => ({ value: p, label: t(`phases.${p}`) }))} hint={isNew ? t('round.phaseHint') : undefined} />
        <div className="field">
          <label htmlFor="round-time-zone">{t('round.timeZone')}</label>
          <p className="field-hint" id="round-time-zone-hint">
            {t('round.timeZoneHint')}
          </p>
          <select id="round-time-zone" name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} aria-describedby="round-time-zone-hint" aria-invalid={errors.timeZone ? true : undefined}>
            {timeZones.map((z) => (
              <option key={z.zone} value={z.zone}>
                {z.label}
              </option>
            ))}
          </select>
          {errors.timeZone && <p className="field-error">{t(errors.timeZone)}</p>}
        </div>
        <Field label={t('round.deadline')} name="submissionDeadline" type="datetime-local" defaultValue={values.submissionDeadline ?? ''} error={errors.submissionDeadline} hint={t('round.deadlineHint', { zone: zoneLabel(timeZone) })} />
        <Field label={t('round.wordLimit')} name="wordLimit" type="number" min={50} defaultValue={values.wordLimit ?? ''} error={errors.wordLimit} />
        <Field
          label={t('round.reminderDays')}
          name="reminderDays"
          inputMode="numeric"
          defaultValue={Array.isArray(values.reminderDays) ? values.reminderDays.join(', ') : (values.reminderDays ?? '7, 2, 1')}
          error={errors.reminderDays}
          hint={t('round.reminderDaysHint')}
        />
        <SelectField label={t('round.visibility')} name="positionVisibility" defaultValue={values.positionVisibility ?? 'after-deadline'} options={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))} />
        <SelectField label={t('round.coSignerAccess')} name="coSignerAccess" defaultValue={values.coSignerAccess ?? 'read-and-comment'} options={coSignerAccesses.map((v) => ({ value: v, label: t(`coSignerAccess.${v}`) }))} />
      </div>
      <OrganizationPicker organizations={organizations} initial={values.invitedOrganizationIds ?? []} />
      <div>
        <SubmitButton pending={navigation.state === 'submitting'} pendingLabel={t('forms.saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}
