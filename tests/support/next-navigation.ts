// Stands in for `next/navigation` outside a Next.js request. Like the real ones,
// redirect(), notFound() and forbidden() never return: they throw.

export class NavigationError extends Error {
  constructor(
    readonly kind: 'redirect' | 'notFound' | 'forbidden' | 'unauthorized',
    readonly location?: string,
  ) {
    super(location ? `${kind}: ${location}` : kind);
    this.name = 'NavigationError';
  }
}

export function redirect(location: string): never {
  throw new NavigationError('redirect', location);
}

export function permanentRedirect(location: string): never {
  throw new NavigationError('redirect', location);
}

export function notFound(): never {
  throw new NavigationError('notFound');
}

export function forbidden(): never {
  throw new NavigationError('forbidden');
}

export function unauthorized(): never {
  throw new NavigationError('unauthorized');
}
