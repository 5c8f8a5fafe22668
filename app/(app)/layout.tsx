import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/load';

/**
 * Everything in this group needs a signed-in, active person. Layouts are not
 * re-run on client-side navigation, so each page still calls requireUser() or
 * requirePermission() itself; this and proxy.ts are defence in depth.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return children;
}
