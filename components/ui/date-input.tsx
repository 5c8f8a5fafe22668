import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * The NHS date input: day, month and year boxes posted as `<name>.day`,
 * `<name>.month` and `<name>.year` (lib/schema-fields.ts dateInput reads them).
 */
export function DateInput({
  name,
  legend,
  hint,
  error,
  register,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  register: (part: 'day' | 'month' | 'year') => UseFormRegisterReturn;
}) {
  const parts = [
    { part: 'day', label: 'Day', width: 2 },
    { part: 'month', label: 'Month', width: 2 },
    { part: 'year', label: 'Year', width: 4 },
  ] as const;
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={described}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <span className="nhsuk-error-message" id={`${name}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        ) : null}
        <div className="nhsuk-date-input" id={name}>
          {parts.map(({ part, label, width }) => (
            <div className="nhsuk-date-input__item" key={part}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={part === 'day' ? `${name}-day` : `${name}-${part}`}>
                  {label}
                </label>
                <input
                  className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${error ? ' nhsuk-input--error' : ''}`}
                  id={`${name}-${part}`}
                  type="text"
                  inputMode="numeric"
                  {...register(part)}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
