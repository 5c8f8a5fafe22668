'use client';

import type { MouseEvent, ReactNode } from 'react';
import { buttonClassName, type ButtonVariant } from '@/components/ui/button-link';

/** NHS submit button. While the action runs, further clicks are ignored (not disabled, so focus stays put). */
export function SubmitButton({ children, pending = false, variant = 'primary', className }: { children: ReactNode; pending?: boolean; variant?: ButtonVariant; className?: string }) {
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
  };
  return (
    <button type="submit" className={buttonClassName(variant, false, className)} data-module="nhsuk-button" aria-disabled={pending || undefined} onClick={onClick}>
      {children}
    </button>
  );
}
