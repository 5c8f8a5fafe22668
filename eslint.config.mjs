import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/*
 * The layout's arrows, enforced (docs/decisions/0014-one-folder-per-workflow.md):
 * app → components → lib, never back up; only lib/ touches the database and
 * loads data; a workflow takes from another only its gate.ts or rules.ts
 * (and a page loader another's load.ts). Gates are imported by scripts too, so
 * nothing they reach may be server-only.
 * Imports go through the `@/` alias, so a relative path cannot slip past.
 */

/** Folders of lib/ that are workflows. Everything else in lib/ is the foundation every workflow may use. */
export const WORKFLOWS = ['roles', 'expectations', 'agreement', 'teams', 'people', 'account', 'audit', 'auth', 'requests', 'notifications', 'recruitment', 'onboarding', 'supervision', 'dashboards'];

const relative = { group: ['./*', '../*'], message: 'Import through the @/ alias, so the layout rules below can see where the import goes.' };
const upwards = {
  group: ['@/components/*', '@/app/*'],
  message: 'lib/ is below components/ and app/: pass what it needs as arguments instead of importing from above.',
};
const componentsToApp = { group: ['@/app/*'], message: 'components/ is below app/: take what you need through props.' };
const database = { group: ['@/lib/db'], message: 'Only lib/ talks to the database: read through lib/<workflow>/load.ts or queries.ts.' };
const dataInComponents = {
  group: ['@/lib/*/queries', '@/lib/*/load', '@/lib/generated/prisma/client'],
  allowTypeImports: true,
  message: 'components/ holds UI only: the page loads the data (lib/<workflow>/load.ts) and passes it in through props.',
};
const otherWorkflows = (own, { loaders = false } = {}) => ({
  group: WORKFLOWS.filter((workflow) => workflow !== own).flatMap((workflow) => [
    `@/lib/${workflow}/*`,
    `!@/lib/${workflow}/gate`,
    `!@/lib/${workflow}/rules`,
    ...(loaders ? [`!@/lib/${workflow}/load`] : []),
  ]),
  message: `Workflows meet only through gates: take from another workflow only its gate.ts or rules.ts${loaders ? ', or in a loader its load.ts' : ''} (lib/${own}/ is not that workflow).`,
});

const browserSafe = {
  group: ['@/lib/db', '@/lib/*/gate', '@/lib/*/queries', '@/lib/*/load', '@/lib/*/access', '@/lib/*/records', '@/lib/auth/current-user', 'server-only'],
  message: 'schemas.ts, rules.ts and labels.ts reach the browser through forms: import only other schemas, rules and labels here (a gate pulls in the database).',
};

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const boundaries = [
  { files: ['app/**/*.{ts,tsx}'], rules: restrict([relative, database]) },
  { files: ['components/**/*.{ts,tsx}'], rules: restrict([relative, componentsToApp, database, dataInComponents]) },
  { files: ['lib/**/*.{ts,tsx}'], ignores: WORKFLOWS.map((workflow) => `lib/${workflow}/**`), rules: restrict([relative, upwards]) },
  ...WORKFLOWS.map((workflow) => ({ files: [`lib/${workflow}/**/*.{ts,tsx}`], ignores: [`lib/${workflow}/load.ts`], rules: restrict([relative, upwards, otherWorkflows(workflow)]) })),
  // What forms take into the browser stays free of server code.
  ...WORKFLOWS.map((workflow) => ({
    files: [`lib/${workflow}/schemas.ts`, `lib/${workflow}/rules.ts`, `lib/${workflow}/labels.ts`],
    rules: restrict([relative, upwards, otherWorkflows(workflow), browserSafe]),
  })),
  // Page loaders compose: a check's loader starts from the role's (one cached load per request).
  ...WORKFLOWS.map((workflow) => ({ files: [`lib/${workflow}/load.ts`], rules: restrict([relative, upwards, otherWorkflows(workflow, { loaders: true })]) })),
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['node_modules/**', '.next/**', '.data/**', 'lib/generated/**', 'public/nhsuk/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  ...boundaries,
];

export default config;
