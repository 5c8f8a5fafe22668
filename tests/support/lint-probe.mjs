// Lints made-up files at made-up paths with the project's ESLint config and prints
// the rules each breaks, as JSON: the boundary test (tests/unit/boundaries.test.ts)
// tries forbidden imports this way without writing anything into the tree.
import { ESLint } from 'eslint';

const cases = JSON.parse(process.argv[2]);
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message));
}
process.stdout.write(JSON.stringify(results));
