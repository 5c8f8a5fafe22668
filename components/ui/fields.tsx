import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** NHS design-system form fields. Each takes the same props as the HTML element, plus label, hint and error. */
export interface FieldChrome {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Use for the page's only question: the label becomes the page heading. */
  labelIsPageHeading?: boolean;
}

export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** The label, hint and error message around one field; `groupClassName` adds to the form group (e.g. the password input's). */
export function FormGroup({ id, label, hint, error, labelIsPageHeading, groupClassName, children }: FieldChrome & { groupClassName?: string; children: ReactNode }) {
  const labelElement = (
    <label className={`nhsuk-label${labelIsPageHeading ? ' nhsuk-label--l' : ''}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={['nhsuk-form-group', groupClassName ?? '', error ? 'nhsuk-form-group--error' : ''].filter(Boolean).join(' ')}>
      {labelIsPageHeading ? <h1 className="nhsuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

type InputProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { width?: 2 | 3 | 4 | 5 | 10 | 20 | 30 };

export function TextInput({ id, label, hint, error, labelIsPageHeading, width, className, ...input }: InputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} labelIsPageHeading={labelIsPageHeading}>
      <input
        id={id}
        name={input.name ?? id}
        type="text"
        className={['nhsuk-input', width ? `nhsuk-input--width-${width}` : '', error ? 'nhsuk-input--error' : '', className ?? ''].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </FormGroup>
  );
}

type TextareaProps = FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function Textarea({ id, label, hint, error, labelIsPageHeading, className, rows = 5, ...textarea }: TextareaProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} labelIsPageHeading={labelIsPageHeading}>
      <textarea
        id={id}
        name={textarea.name ?? id}
        rows={rows}
        className={['nhsuk-textarea', error ? 'nhsuk-textarea--error' : '', className ?? ''].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
    </FormGroup>
  );
}

type SelectProps = FieldChrome &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: ReadonlyArray<{ value: string; label: string }>;
    /** Text of an empty first option, e.g. "Select a person". */
    placeholder?: string;
  };

export function Select({ id, label, hint, error, labelIsPageHeading, options, placeholder, className, ...select }: SelectProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} labelIsPageHeading={labelIsPageHeading}>
      <select
        id={id}
        name={select.name ?? id}
        className={['nhsuk-select', error ? 'nhsuk-select--error' : '', className ?? ''].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

interface ChoiceGroupProps {
  /** The name of the field; the first option's id is `name`, so error-summary links land on it. */
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  legendIsPageHeading?: boolean;
  options: ReadonlyArray<{ value: string; label: ReactNode; hint?: ReactNode }>;
  /** Extra props for every input, e.g. react-hook-form's register(name). */
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
  defaultValue?: string | string[];
  inline?: boolean;
}

function ChoiceGroup({ type, name, legend, hint, error, legendIsPageHeading, options, inputProps, defaultValue, inline }: ChoiceGroupProps & { type: 'radio' | 'checkbox' }) {
  const kind = type === 'radio' ? 'radios' : 'checkboxes';
  const defaults = Array.isArray(defaultValue) ? defaultValue : defaultValue !== undefined ? [defaultValue] : undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className={`nhsuk-fieldset__legend${legendIsPageHeading ? ' nhsuk-fieldset__legend--l' : ' nhsuk-fieldset__legend--s'}`}>
          {legendIsPageHeading ? <h1 className="nhsuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
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
        <div className={`nhsuk-${kind}${inline ? ` nhsuk-${kind}--inline` : ''}`}>
          {options.map((option, index) => {
            const optionId = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div className={`nhsuk-${kind}__item`} key={option.value}>
                <input
                  className={`nhsuk-${kind}__input`}
                  id={optionId}
                  name={name}
                  type={type}
                  value={option.value}
                  defaultChecked={defaults ? defaults.includes(option.value) : undefined}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                  {...inputProps}
                />
                <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div className={`nhsuk-hint nhsuk-${kind}__hint`} id={`${optionId}-item-hint`}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios(props: ChoiceGroupProps) {
  return <ChoiceGroup type="radio" {...props} />;
}

export function Checkboxes(props: ChoiceGroupProps) {
  return <ChoiceGroup type="checkbox" {...props} />;
}
