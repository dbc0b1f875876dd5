/** A group of checkboxes sharing one name (areas of activity, relationships…), with its message. */
export function CheckboxGroup({ legend, name, options, checked, error }: {
  legend: string;
  name: string;
  options: Array<{ value: string; label: string }>;
  checked?: readonly string[];
  error?: string;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked?.includes(o.value)} /> {o.label}
        </label>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
