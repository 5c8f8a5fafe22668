import 'server-only';
import { cache } from 'react';
import { requireUser } from '@/lib/auth/load';
import { getAgreement, getArrangementToEnd, getCheckInFigures, getCheckInForm, getLibraryEntry, getManagedAgreement, getNewAgreementForm, getProposeEntryForm, getRecordSessionForm, getSession, getSessionToRevise, getSupervisionSettings, listAgreements, listOwnCheckIns, listProposals, placementsWithoutAgreement, searchLibrary, supervisionDue } from '@/lib/supervision/queries';

/*
 * What supervision's pages load, once per request (a page and its metadata
 * share it). Each returns null where the person may see nothing: the page
 * answers "not found", so outsiders learn nothing of what exists.
 */

/** The supervision page: the agreements the person may open, and placements waiting for one in teams they manage. */
export const loadSupervision = cache(async (page: number) => {
  const user = await requireUser();
  const [agreements, waiting] = await Promise.all([listAgreements(user, page), placementsWithoutAgreement(user)]);
  return { user, agreements, waiting };
});

export const loadNewAgreementForm = cache(async (placementId: string) => {
  const user = await requireUser();
  return { user, form: await getNewAgreementForm(user, placementId) };
});

export const loadAgreement = cache(async (agreementId: string, page: number) => {
  const user = await requireUser();
  return { user, detail: await getAgreement(user, agreementId, page) };
});

/** An agreement the person manages: the page that adds an arrangement to it. */
export const loadManagedAgreement = cache(async (agreementId: string) => {
  const user = await requireUser();
  return { user, managed: await getManagedAgreement(user, agreementId) };
});

export const loadArrangementToEnd = cache(async (agreementId: string, arrangementId: string) => {
  const user = await requireUser();
  return { user, view: await getArrangementToEnd(user, agreementId, arrangementId) };
});

export const loadRecordSessionForm = cache(async (agreementId: string) => {
  const user = await requireUser();
  return { user, form: await getRecordSessionForm(user, agreementId) };
});

export const loadSession = cache(async (sessionId: string) => {
  const user = await requireUser();
  return { user, detail: await getSession(user, sessionId) };
});

/** A record to change (before co-signing) or amend (after): only for its two people, with its notes to start from. */
export const loadSessionToRevise = cache(async (sessionId: string, mode: 'change' | 'amend') => {
  const user = await requireUser();
  return { user, view: await getSessionToRevise(user, sessionId, mode) };
});

export const loadOwnCheckIns = cache(async (page: number) => {
  const user = await requireUser();
  return { user, ...(await listOwnCheckIns(user, page)) };
});

export const loadCheckInForm = cache(async (sessionId: string) => {
  const user = await requireUser();
  return { user, form: await getCheckInForm(user, sessionId) };
});

export const loadCheckInFigures = cache(async (quarter: string | null, page: number) => {
  const user = await requireUser();
  return { user, figures: await getCheckInFigures(user, { quarter, page }) };
});

export const loadLibrary = cache(async (q: string, tag: string, page: number) => {
  const user = await requireUser();
  return { user, library: await searchLibrary(user, { q, tag, page }) };
});

export const loadLibraryEntry = cache(async (entryId: string) => {
  const user = await requireUser();
  return { user, view: await getLibraryEntry(user, entryId) };
});

export const loadProposals = cache(async (page: number) => {
  const user = await requireUser();
  return { user, proposals: await listProposals(user, page) };
});

export const loadProposeEntryForm = cache(async (sessionId: string) => {
  const user = await requireUser();
  return { user, form: await getProposeEntryForm(user, sessionId) };
});

export const loadSupervisionSettings = cache(() => getSupervisionSettings());

/** The home page's "Supervision due": the soonest few and how many in all. */
export const loadSupervisionDue = cache(async (take = 10) => {
  const user = await requireUser();
  return supervisionDue(user, take);
});
