'use client';

import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * The one-time set-password link, as an absolute URL, shown once to the admin
 * who created it. The token is never stored in plain text, so this is the only
 * time anyone can see it.
 */
export function InvitationLink({
  path,
  serverOrigin,
  personName,
  heading = 'Set-password link',
  focusOnMount = false,
}: {
  path: string;
  serverOrigin: string;
  personName?: string;
  heading?: string;
  /** Move focus to the link when it replaces the button that created it, so keyboard and screen reader users land on it. */
  focusOnMount?: boolean;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnMount) inputRef.current?.focus();
  }, [focusOnMount]);
  // With JavaScript, the address the admin is actually using; without it, the one the server saw.
  const origin = useSyncExternalStore(subscribe, () => window.location.origin, () => serverOrigin);
  const canCopy = useSyncExternalStore(subscribe, () => typeof navigator.clipboard?.writeText === 'function', () => false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const url = `${origin}${path}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <div className="nhsuk-card nhsuk-card--feature">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m">{heading}</h2>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={id}>
            {personName ? `Link for ${personName} to set their password` : 'Link to set their password'}
          </label>
          <div className="nhsuk-hint" id={`${id}-hint`}>
            Copy this link now and send it to them securely, for example by NHSmail. It is shown only once, works once and expires in 7 days.
          </div>
          <input
            className="nhsuk-input nhsuk-u-font-size-16"
            ref={inputRef}
            id={id}
            type="text"
            readOnly
            value={url}
            aria-describedby={`${id}-hint`}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        {canCopy ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2" onClick={copy}>
            Copy link
          </button>
        ) : null}
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0" aria-live="polite">
          {copied === 'yes' ? 'Link copied.' : copied === 'no' ? 'The link could not be copied: select it and copy it yourself.' : ''}
        </p>
        <p className="nhsuk-body-s nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-0">If the link is lost or expires, create a new one from their page. Creating a new link stops any earlier one from working.</p>
      </div>
    </div>
  );
}
