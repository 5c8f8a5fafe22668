type FormValue = string | string[] | FormObject;
interface FormObject {
  [key: string]: FormValue;
}

/**
 * Turns a plain HTML form post into an object for zod, shaped as react-hook-form
 * would submit it: a field posted once is a string, a field posted several times
 * (checkboxes) is an array, and a dotted name (`answers.<id>`, `rows.0.type`)
 * becomes a nested object. Next's internal `$ACTION_*` fields are dropped.
 * Anything that is not FormData passes through unchanged.
 */
export function formDataToObject(input: unknown): unknown {
  if (typeof FormData === 'undefined' || !(input instanceof FormData)) return input;
  const result: FormObject = {};
  for (const [name, value] of input.entries()) {
    if (name.startsWith('$ACTION') || typeof value !== 'string') continue;
    const path = name.split('.');
    let target = result;
    for (const segment of path.slice(0, -1)) {
      const next = target[segment];
      if (next === undefined || typeof next === 'string' || Array.isArray(next)) target[segment] = {};
      target = target[segment] as FormObject;
    }
    const key = path[path.length - 1];
    const existing = target[key];
    if (existing === undefined || (typeof existing === 'object' && !Array.isArray(existing))) target[key] = value;
    else target[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}
