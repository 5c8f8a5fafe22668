import { ROLE_SECTIONS, sectionLines, type RoleContent, type RoleSectionKey } from '@/lib/roles/rules';

export type LineChange = { kind: 'same' | 'removed' | 'added'; text: string };

/** A line diff by longest common subsequence: small inputs (a section), so O(n·m) is fine. */
export function diffLines(before: readonly string[], after: readonly string[]): LineChange[] {
  const rows = before.length;
  const columns = after.length;
  const common: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const changes: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (before[i] === after[j]) {
      changes.push({ kind: 'same', text: before[i] });
      i++;
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      changes.push({ kind: 'removed', text: before[i++] });
    } else {
      changes.push({ kind: 'added', text: after[j++] });
    }
  }
  while (i < rows) changes.push({ kind: 'removed', text: before[i++] });
  while (j < columns) changes.push({ kind: 'added', text: after[j++] });
  return changes;
}

export interface SectionComparison {
  key: RoleSectionKey;
  title: string;
  changed: boolean;
  changes: LineChange[];
}

/** Two versions side by side, section by section, with what changed between them. */
export function compareContent(before: RoleContent, after: RoleContent): SectionComparison[] {
  return ROLE_SECTIONS.map(({ key, title }) => {
    const changes = diffLines(sectionLines(before, key), sectionLines(after, key));
    return { key, title, changed: changes.some((change) => change.kind !== 'same'), changes };
  });
}
