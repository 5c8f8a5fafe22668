'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

interface NotificationBannerProps {
  /** The success variant says a change worked. Same as `type="success"`. */
  success?: boolean;
  type?: 'important' | 'success';
  /** The banner's small title; defaults to "Success" or "Important". */
  title?: string;
  /** The main message, in the banner's heading style. */
  heading?: ReactNode;
  children?: ReactNode;
}

/**
 * NHS notification banner. The success variant has role="alert" and takes focus
 * when it appears, as nhsuk-frontend's own script would do (that script is not
 * loaded), so screen reader users hear it first. Each banner has its own title
 * id, so two banners on one page stay distinct.
 */
export function NotificationBanner({ success: successProp = false, type, title, heading, children }: NotificationBannerProps) {
  const success = successProp || type === 'success';
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success]);
  return (
    <div
      ref={ref}
      className={`nhsuk-notification-banner${success ? ' nhsuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={success ? -1 : undefined}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        {heading ? <p className="nhsuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
