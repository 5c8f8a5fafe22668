/** Addresses of a role's pages, shared by server and client components (no server imports here). */
export const checkPath = (teamId: string, roleId: string, checkId: string) => `/teams/${teamId}/roles/${roleId}/expectations/${checkId}`;
export const rolePath = (teamId: string, roleId: string) => `/teams/${teamId}/roles/${roleId}`;
export const draftSectionPath = (teamId: string, roleId: string, section: string) => `/teams/${teamId}/roles/${roleId}/draft/${section}`;
