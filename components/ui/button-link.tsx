'use client';

import Link from 'next/link';
import type { KeyboardEvent, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'reverse' | 'login';

export function buttonClassName(variant: ButtonVariant = 'primary', small = false, className?: string): string {
  return ['nhsuk-button', variant === 'primary' ? '' : `nhsuk-button--${variant}`, small ? 'nhsuk-button--small' : '', className ?? ''].filter(Boolean).join(' ');
}

/** A link that looks like an NHS button (e.g. "Add a person"). Space activates it, as it would a button. */
export function ButtonLink({ href, variant = 'primary', small = false, className, children }: { href: string; variant?: ButtonVariant; small?: boolean; className?: string; children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>) => {
    if (event.key === ' ') {
      event.preventDefault();
      event.currentTarget.click();
    }
  };
  return (
    <Link href={href} className={buttonClassName(variant, small, className)} role="button" draggable={false} data-module="nhsuk-button" onKeyDown={onKeyDown}>
      {children}
    </Link>
  );
}
