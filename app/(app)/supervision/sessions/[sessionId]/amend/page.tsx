import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReviseSession } from '@/components/supervision/revise-session';
import { loadSessionToRevise } from '@/lib/supervision/load';

export const metadata: Metadata = { title: 'Amend the record – Supervision' };

/** Either of the two people in a session amends its co-signed record: a new record naming it, and both are kept. */
export default async function AmendSessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const { view } = await loadSessionToRevise(sessionId, 'amend');
  if (!view) notFound();
  return <ReviseSession view={view} mode="amend" />;
}
