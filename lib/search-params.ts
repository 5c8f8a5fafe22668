/** The query string as Next hands it to a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * One query-string value: the first when a name is repeated, '' when absent. Only
 * the object's own properties count, so `?constructor` or `?__proto__` read nothing.
 */
export function searchParam(query: SearchParams, name: string): string {
  const value = Object.hasOwn(query, name) ? query[name] : undefined;
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * `table[key]` for a key the client chose (a `?status=` banner, a label): only the
 * table's own entries, never `constructor`, `toString` or anything inherited.
 */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
