import type { ReactNode } from 'react';

export type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

/** NHS tag: a short status label such as "Disabled" or "Archived". Never the only way a state is shown to be actionable. */
export function Tag({ colour, children, className }: { colour?: TagColour; children: ReactNode; className?: string }) {
  return <strong className={['nhsuk-tag', colour ? `nhsuk-tag--${colour}` : '', className ?? ''].filter(Boolean).join(' ')}>{children}</strong>;
}
