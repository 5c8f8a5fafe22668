/**
 * Turns a plain HTML form post into an object for zod: a field posted once is a
 * string, a field posted several times (checkboxes) is an array. Next's internal
 * `$ACTION_*` fields are dropped. Anything else passes through unchanged.
 */
export function formDataToObject(input: unknown): unknown {
  if (typeof FormData === 'undefined' || !(input instanceof FormData)) return input;
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (typeof value !== 'string') continue;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}
