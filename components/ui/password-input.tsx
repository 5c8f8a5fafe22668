'use client';

import { useState, useSyncExternalStore, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

type PasswordInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  labelIsPageHeading?: boolean;
  autoComplete: 'current-password' | 'new-password';
  ref?: Ref<HTMLInputElement>;
};

const noSubscription = () => () => {};

/**
 * NHS password input: pasting allowed, no composition rules, and a Show/Hide
 * button that appears only once JavaScript is running (as nhsuk-frontend does).
 */
export function PasswordInput({ id, label, hint, error, labelIsPageHeading, className, ...input }: PasswordInputProps) {
  // False on the server and while hydrating, true once JavaScript runs: the button needs it.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [visible, setVisible] = useState<boolean | null>(null);

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const labelElement = (
    <label className={`nhsuk-label${labelIsPageHeading ? ' nhsuk-label--l' : ''}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`nhsuk-form-group nhsuk-password-input${error ? ' nhsuk-form-group--error' : ''}`}>
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
      <div className="nhsuk-input-wrapper">
        <input
          id={id}
          name={input.name ?? id}
          className={['nhsuk-input', 'nhsuk-password-input__input', error ? 'nhsuk-input--error' : '', className ?? ''].filter(Boolean).join(' ')}
          type={visible ? 'text' : 'password'}
          spellCheck={false}
          autoCapitalize="none"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...input}
        />
        <button
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-password-input__toggle"
          type="button"
          aria-controls={id}
          aria-label={visible ? 'Hide password' : 'Show password'}
          hidden={!enhanced}
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? 'Hide' : 'Show'}
        </button>
      </div>
      <div className="nhsuk-u-visually-hidden" aria-live="polite">
        {visible === null ? '' : visible ? 'Your password is visible' : 'Your password is hidden'}
      </div>
    </div>
  );
}
