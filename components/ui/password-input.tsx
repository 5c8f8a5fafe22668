'use client';

import { useState, useSyncExternalStore, type InputHTMLAttributes, type Ref } from 'react';
import { FormGroup, describedBy, type FieldChrome } from '@/components/ui/fields';

type PasswordInputProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
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

  return (
    <FormGroup id={id} label={label} hint={hint} error={error} labelIsPageHeading={labelIsPageHeading} groupClassName="nhsuk-password-input">
      <div className="nhsuk-input-wrapper">
        <input
          id={id}
          name={input.name ?? id}
          className={['nhsuk-input', 'nhsuk-password-input__input', error ? 'nhsuk-input--error' : '', className ?? ''].filter(Boolean).join(' ')}
          type={visible ? 'text' : 'password'}
          spellCheck={false}
          autoCapitalize="none"
          aria-describedby={describedBy(id, hint, error)}
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
    </FormGroup>
  );
}
