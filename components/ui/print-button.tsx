'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** Opens the browser's print dialog. Shown only once JavaScript runs; without it, people use the browser's own Print. */
export function PrintButton({ className }: { className?: string }) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!hydrated) return <p className={className}>Use your browser&apos;s Print command to print this page.</p>;
  return (
    <button type="button" className={['nhsuk-button', className].filter(Boolean).join(' ')} data-module="nhsuk-button" onClick={() => window.print()}>
      Print this page
    </button>
  );
}
