/** Addresses of the role pages, in one place. */
export const rolePath = (teamId: string, roleId: string) => `/teams/${teamId}/roles/${roleId}`;
export const sectionPath = (teamId: string, roleId: string, section: string) => `${rolePath(teamId, roleId)}/draft/${section}`;
export const versionPath = (teamId: string, roleId: string, number: number) => `${rolePath(teamId, roleId)}/versions/${number}`;
export const comparePath = (teamId: string, roleId: string, from?: number, to?: number) =>
  `${rolePath(teamId, roleId)}/compare${from && to ? `?from=${from}&to=${to}` : ''}`;
export const checkPath = (teamId: string, roleId: string, checkId: string) => `${rolePath(teamId, roleId)}/expectations/${checkId}`;
export const newCheckPath = (teamId: string, roleId: string) => `${rolePath(teamId, roleId)}/expectations/new`;
