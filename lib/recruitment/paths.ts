/** Addresses of recruitment's pages, shared by pages, components and notifications. */
export const specificationPath = (specificationId: string) => `/recruitment/specifications/${specificationId}`;
export const vacancyPath = (vacancyId: string) => `/recruitment/vacancies/${vacancyId}`;
export const candidatePath = (vacancyId: string, candidateId: string) => `/recruitment/vacancies/${vacancyId}/candidates/${candidateId}`;
