/**
 * A labelled text input bound to one key of a form-state object (all values kept as text; parse on submit).
 * Numeric fields get a decimal keyboard on touch devices. With `problem`, the input is marked invalid and the
 * problem is shown right after it (and read with it by screen readers); `hint` is a quiet note after the input
 * (e.g. the value in another unit).
 */
export function textField<T extends Record<string, string>>(
  form: T,
  set: (f: T) => void,
  key: keyof T & string,
  label: string,
  problem?: string,
  hint?: string,
) {
  const problemId = problem ? `problem-${label.replace(/[^A-Za-z0-9]+/g, '-')}` : undefined;
  return (
    <label>
      {label}
      <input
        value={form[key]}
        onChange={(e) => set({ ...form, [key]: e.target.value })}
        inputMode={key === 'product' ? 'text' : 'decimal'}
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problemId}
      />
      {hint && <small className="muted field-hint">{hint}</small>}
      {problem && (
        <small className="field-error" id={problemId}>
          {problem}
        </small>
      )}
    </label>
  );
}
