import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layout's arrows are enforced by ESLint (eslint.config.mjs): each case is a
 * one-line file at a path in the tree, linted with the project's own config.
 */
const cases: Array<{ filePath: string; code: string; refused: boolean }> = [
  // lib/ never imports from above it.
  { filePath: 'lib/roles/probe.ts', code: "import { Tag } from '@/components/ui/tag';\nexport const x = Tag;\n", refused: true },
  { filePath: 'lib/action-probe.ts', code: "import Page from '@/app/(app)/page';\nexport const x = Page;\n", refused: true },
  // components/ hold UI only: no database, no loaders or queries other than their types.
  { filePath: 'components/roles/probe.tsx', code: "import { db } from '@/lib/db';\nexport const x = db;\n", refused: true },
  { filePath: 'components/roles/probe.tsx', code: "import { listTeamRoles } from '@/lib/roles/queries';\nexport const x = listTeamRoles;\n", refused: true },
  { filePath: 'components/roles/probe.tsx', code: "import { loadRole } from '@/lib/roles/load';\nexport const x = loadRole;\n", refused: true },
  { filePath: 'components/roles/probe.tsx', code: "import type { TeamRoles } from '@/lib/roles/queries';\nexport type X = TeamRoles;\n", refused: false },
  // app/ never imports the database.
  { filePath: 'app/(app)/probe/page.tsx', code: "import { db } from '@/lib/db';\nexport const x = db;\n", refused: true },
  // Workflows meet only through gate.ts and rules.ts.
  { filePath: 'lib/agreement/probe.ts', code: "import { getRoleOverview } from '@/lib/roles/queries';\nexport const x = getRoleOverview;\n", refused: true },
  { filePath: 'lib/agreement/probe.ts', code: "import { lockRole } from '@/lib/roles/records';\nexport const x = lockRole;\n", refused: true },
  { filePath: 'lib/agreement/probe.ts', code: "import { getAgreedVersion } from '@/lib/roles/gate';\nexport const x = getAgreedVersion;\n", refused: false },
  { filePath: 'lib/expectations/probe.ts', code: "import { agreementStatus } from '@/lib/agreement/rules';\nexport const x = agreementStatus;\n", refused: false },
  { filePath: 'lib/agreement/probe.ts', code: "import { openVersion } from '@/lib/agreement/records';\nexport const x = openVersion;\n", refused: false },
  { filePath: 'lib/expectations/load.ts', code: "import { loadRole } from '@/lib/roles/load';\nexport const x = loadRole;\n", refused: false },
  { filePath: 'lib/expectations/queries.ts', code: "import { loadRole } from '@/lib/roles/load';\nexport const x = loadRole;\n", refused: true },
  // What forms take into the browser (schemas, rules, labels) reaches no gate and no database.
  { filePath: 'lib/account/schemas.ts', code: "import { requireUser } from '@/lib/auth/gate';\nexport const x = requireUser;\n", refused: true },
  { filePath: 'lib/roles/rules.ts', code: "import { db } from '@/lib/db';\nexport const x = db;\n", refused: true },
  { filePath: 'lib/account/schemas.ts', code: "import { newPasswordSchema } from '@/lib/auth/rules';\nexport const x = newPasswordSchema;\n", refused: false },
  // ... and a relative path cannot slip past.
  { filePath: 'lib/agreement/probe.ts', code: "import { lockRole } from '../roles/records';\nexport const x = lockRole;\n", refused: true },
];

describe('layout boundaries (eslint.config.mjs)', () => {
  const root = path.resolve(__dirname, '../..');
  const results: string[][] = JSON.parse(
    execFileSync(process.execPath, [path.join(root, 'tests/support/lint-probe.mjs'), JSON.stringify(cases.map(({ filePath, code }) => ({ filePath, code })))], { cwd: root, encoding: 'utf8' }),
  );

  it.each(cases.map((probe, index) => [probe.filePath, probe.code.split('\n')[0], probe.refused, index] as const))('%s: %s → refused %s', (_path, _code, refused, index) => {
    if (refused) expect(results[index]).not.toEqual([]);
    else expect(results[index]).toEqual([]);
  });
});
