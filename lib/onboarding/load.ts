import 'server-only';
import { cache } from 'react';
import { requireUser } from '@/lib/auth/load';
import {
  getChangePlacementForm,
  getManagedPlacement,
  getParityIssue,
  getPlacement,
  getStartPlacementForm,
  getTask,
  listOwedTasks,
  listPlacements,
  managedTeams,
  teamPeerWorkers,
  waitingPlacements,
} from '@/lib/onboarding/queries';

/*
 * What onboarding's pages load, once per request (a page and its metadata
 * share it). Each returns null where the person may see nothing: the page
 * answers "not found", so outsiders learn nothing of what exists.
 */

/** The onboarding page: the placements the person may open, those waiting to start in teams they manage, and their teams' peer workers by name. */
export const loadOnboarding = cache(async (page: number) => {
  const user = await requireUser();
  const [placements, waiting, peers] = await Promise.all([listPlacements(user, page), waitingPlacements(user), teamPeerWorkers(user)]);
  return { user, placements, waiting, peers, managedTeams: managedTeams(user) };
});

export const loadStartPlacementForm = cache(async (appointmentId: string, roleId: string) => {
  const user = await requireUser();
  return { user, form: await getStartPlacementForm(user, { appointmentId, roleId }) };
});

export const loadPlacement = cache(async (placementId: string) => {
  const user = await requireUser();
  return { user, detail: await getPlacement(user, placementId) };
});

/** A current placement the person manages: the pages that end it or add a task to it. */
export const loadManagedPlacement = cache(async (placementId: string) => {
  const user = await requireUser();
  return { user, managed: await getManagedPlacement(user, placementId) };
});

export const loadChangePlacementForm = cache(async (placementId: string) => {
  const user = await requireUser();
  return { user, form: await getChangePlacementForm(user, placementId) };
});

/** The key arrives from the address: matched as it came and decoded, never trusted beyond being compared with the open issues. */
export const loadParityIssue = cache(async (placementId: string, key: string) => {
  const user = await requireUser();
  let decoded = key;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    // A malformed escape: only the key as it came can match.
  }
  return { user, view: await getParityIssue(user, placementId, [key, decoded]) };
});

export const loadTask = cache(async (taskId: string) => {
  const user = await requireUser();
  return { user, view: await getTask(user, taskId) };
});

export const loadOwedTasks = cache(async (page: number) => {
  const user = await requireUser();
  return { user, tasks: await listOwedTasks(user, page) };
});
