/** A labelled form control with its message beside it, tied together for screen readers. */
import { useId } from 'react';
import { useT } from '../utils/i18n.tsx';

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

export function Field({ label, name, error, hint, id, ...input }: FieldProps) {
  const t = useT();
  const generated = useId();
  const inputId = id ?? generated;
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      )}
      <input id={inputId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error && (
        <p className="field-error" id={`${inputId}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

export function FormError({ error, vars }: { error?: string; vars?: Record<string, string | number> }) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="form-error" role="alert">
      {t(error, vars)}
    </div>
  );
}

export function SubmitButton({ pending, children, pendingLabel, ...rest }: React.ButtonHTMLAttributes<HTMLButtonElement> & { pending: boolean; pendingLabel: string }) {
  return (
    <button type="submit" className="button" disabled={pending} aria-disabled={pending} {...rest}>
      {pending ? pendingLabel : children}
    </button>
  );
}
