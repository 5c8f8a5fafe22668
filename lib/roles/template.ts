import type { Tx } from '@/lib/db';
import { db } from '@/lib/db';
import { DEFAULT_NOT_PART_OPTIONS, DEFAULT_TEMPLATE_CONTENT, DEFAULT_VALUE_OPTIONS, parseContent, type RoleContent } from '@/lib/roles/rules';

export interface RoleTemplateView {
  id: string | null;
  version: number;
  content: RoleContent;
  valueOptions: string[];
  notPartOptions: string[];
}

/** The organisation's template, or the built-in one (version 1) until an administrator saves their own. */
export async function currentTemplate(client: Tx | typeof db = db): Promise<RoleTemplateView> {
  const row = await client.roleTemplate.findFirst({ orderBy: { updatedAt: 'desc' } });
  if (!row) {
    return { id: null, version: 1, content: DEFAULT_TEMPLATE_CONTENT, valueOptions: DEFAULT_VALUE_OPTIONS, notPartOptions: DEFAULT_NOT_PART_OPTIONS };
  }
  return { id: row.id, version: row.version, content: parseContent(row.content), valueOptions: row.valueOptions, notPartOptions: row.notPartOptions };
}
