'use client';

import { errorReference, ServiceProblem } from '@/components/layout/service-problem';

/** 500 inside the page template. In production the error from the server carries only a digest; nothing else is shown. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <title>Sorry, there is a problem with the service – PeerRoles</title>
      <ServiceProblem reference={errorReference(error)} onRetry={retry} />
    </>
  );
}
