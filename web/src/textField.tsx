/**
 * A labelled text input bound to one key of a form-state object (all values kept as text; parse on submit).
 * Numeric fields get a decimal keyboard on touch devices.
 */
export function textField<T extends Record<string, string>>(form: T, set: (f: T) => void, key: keyof T & string, label: string) {
  return (
    <label>
      {label}
      <input value={form[key]} onChange={(e) => set({ ...form, [key]: e.target.value })} inputMode={key === 'product' ? 'text' : 'decimal'} aria-label={label} />
    </label>
  );
}
