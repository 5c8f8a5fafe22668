/**
 * The body of the 500 page (NHS service manual "there is a problem with the
 * service" pattern). It says nothing about the cause; the reference is Next's
 * error digest, which matches the server log entry and reveals nothing itself.
 */
export function ServiceProblem({ reference, onRetry }: { reference?: string; onRetry?: () => void }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Sorry, there is a problem with the service</h1>
        <p>Try again later. Anything you were changing may not have been saved.</p>
        {reference ? (
          <p>
            If you contact your administrator about this, give them this reference: <strong>{reference}</strong>
          </p>
        ) : null}
        {onRetry ? (
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        <p>
          {/* A full page load on purpose: the client-side router may be what failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">Go to the PeerRoles home page</a>
        </p>
      </div>
    </div>
  );
}

/** Next's digest for an error thrown on the server: a short hash, safe to show. */
export function errorReference(error: unknown): string | undefined {
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? (error as { digest?: unknown }).digest : undefined;
  return typeof digest === 'string' && /^[\w-]{1,64}$/u.test(digest) ? digest : undefined;
}
