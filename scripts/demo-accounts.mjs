// Demo sign-ins for the embedded demo database (`npm start` without DATABASE_URL).
// prisma/seed.ts creates these people; scripts/start.mjs prints them. The
// password only works when PEERROLES_DEMO=1, which start.mjs and db.mjs set
// for the embedded database only.

export const DEMO_PASSWORD = 'demo-password-2026';

/**
 * `orgRole` is the User.orgRole; `teamRole` (if any) is the person's role in the
 * demo community mental health team (CMHT). `label` is what start.mjs prints.
 */
export const DEMO_ACCOUNTS = Object.freeze([
  { email: 'admin@peerroles.test', password: DEMO_PASSWORD, orgRole: 'ADMIN', teamRole: null, label: 'Administrator' },
  { email: 'hr@peerroles.test', password: DEMO_PASSWORD, orgRole: 'HR', teamRole: null, label: 'HR' },
  { email: 'manager.cmht@peerroles.test', password: DEMO_PASSWORD, orgRole: 'MEMBER', teamRole: 'MANAGER', label: 'CMHT team manager' },
  { email: 'staff.cmht@peerroles.test', password: DEMO_PASSWORD, orgRole: 'MEMBER', teamRole: 'STAFF', label: 'CMHT staff member' },
  { email: 'peer.cmht@peerroles.test', password: DEMO_PASSWORD, orgRole: 'MEMBER', teamRole: 'PEER_WORKER', label: 'CMHT peer worker' },
  { email: 'sophie.clarke@peerroles.test', password: DEMO_PASSWORD, orgRole: 'MEMBER', teamRole: null, label: 'Peer supervisor (early intervention team)' },
  { email: 'rep@peerroles.test', password: DEMO_PASSWORD, orgRole: 'SERVICE_USER_REP', teamRole: null, label: 'Service-user representative' },
].map((account) => Object.freeze(account)));
