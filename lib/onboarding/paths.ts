/** Addresses of onboarding's pages, shared by pages, components and notifications. */
export const placementPath = (placementId: string) => `/onboarding/placements/${placementId}`;
export const taskPath = (taskId: string) => `/onboarding/tasks/${taskId}`;
export const templatePath = (templateId: string) => `/onboarding/templates/${templateId}`;
export const teamArrangementsPath = (teamId: string) => `/onboarding/teams/${teamId}`;
export const WELLBEING_PATH = '/onboarding/wellbeing';
export const sharedWellbeingPath = (userId: string) => `/onboarding/wellbeing/${userId}`;
