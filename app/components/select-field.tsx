/** A labelled select: an optional first choice ("Any", "None") and then the options given. */
export function SelectField({ label, name, defaultValue, options, empty, error, hint }: {
  label: string;
  name: string;
  defaultValue?: string | number | null;
  options: Array<{ value: string | number; label: string }>;
  /** The label of a first, empty choice. */
  empty?: string;
  error?: string;
  hint?: string;
}) {
  const id = `select-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <select id={id} name={name} defaultValue={defaultValue ?? ''} aria-invalid={error ? true : undefined} aria-describedby={hint ? `${id}-hint` : undefined}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
