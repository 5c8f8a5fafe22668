import 'server-only';
import { cache } from 'react';
import { requireUser } from '@/lib/auth/load';
import { db } from '@/lib/db';
import { getCandidate, getSpecification, getVacancy } from '@/lib/recruitment/queries';
import { recruitmentRules } from '@/lib/recruitment/settings';

/*
 * What recruitment's pages load, once per request (a page and its metadata
 * share it). Each returns null where the person may see nothing: the page
 * answers "not found", so outsiders learn nothing of what exists.
 */

export const loadSpecification = cache(async (specificationId: string) => {
  const user = await requireUser();
  return { user, specification: await getSpecification(user, specificationId) };
});

export const loadVacancy = cache(async (vacancyId: string) => {
  const user = await requireUser();
  return { user, vacancy: await getVacancy(user, vacancyId) };
});

export const loadCandidate = cache(async (vacancyId: string, candidateId: string) => {
  const user = await requireUser();
  return { user, view: await getCandidate(user, vacancyId, candidateId) };
});

/** The organisation's recruitment rules, for the settings page and every page that explains them. */
export const loadRecruitmentRules = cache(() => recruitmentRules(db));
