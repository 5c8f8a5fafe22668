'use client';

import { useEffect, useId, useRef } from 'react';

export interface ErrorSummaryItem {
  /** The id of the field the message is about; the link moves focus there. */
  field?: string;
  message: string;
}

/** NHS error summary: shown at the top of a form, focused when it appears so screen readers announce it. */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: ErrorSummaryItem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Unique per summary: a page may hold two forms that each show one.
  const titleId = useId();
  const signature = errors.map((error) => `${error.field}:${error.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id={titleId}>
          {title}
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.field}-${error.message}`}>
                {error.field ? <a href={`#${error.field}`}>{error.message}</a> : error.message}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
