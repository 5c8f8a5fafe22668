/** Addresses of supervision's pages, shared by pages, components, actions and notifications. */
export const SUPERVISION_PATH = '/supervision';
export const agreementPath = (agreementId: string) => `/supervision/agreements/${agreementId}`;
export const sessionPath = (sessionId: string) => `/supervision/sessions/${sessionId}`;
export const LIBRARY_PATH = '/supervision/library';
export const CHECK_INS_PATH = '/supervision/check-ins';
export const FIGURES_PATH = '/supervision/figures';
