// RFC 8785 JSON Canonicalization Scheme (JCS) for the values the log commits to: object keys sorted
// by UTF-16 code units, numbers in ECMAScript's shortest form, strings escaped as JSON.stringify
// does. The same value always gives the same bytes, so a hash of it can be recomputed by anyone.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: Json): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JCS has no form for NaN or Infinity');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) throw new TypeError('JCS requires well-formed Unicode');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${canonicalJson(key)}:${canonicalJson(value[key] as Json)}`).join(',')}}`;
}
