import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReviseSession } from '@/components/supervision/revise-session';
import { loadSessionToRevise } from '@/lib/supervision/load';

export const metadata: Metadata = { title: 'Change the record – Supervision' };

/** Whoever recorded a session changes the record, until the other person co-signs it. */
export default async function ChangeSessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const { view } = await loadSessionToRevise(sessionId, 'change');
  if (!view) notFound();
  return <ReviseSession view={view} mode="change" />;
}
