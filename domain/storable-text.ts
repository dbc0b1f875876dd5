/**
 * Text the database can store. Postgres refuses a NUL character in text and a lone surrogate
 * (half of a UTF-16 pair) in JSON; either, reaching a write, used to fail it half-way. Input is
 * checked at the edge (HTTP forms and addresses, socket events) and refused with a message.
 */

const nul = /\u0000/;
// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds nothing the database refuses. */
export function isStorableText(value: string): boolean {
  return !nul.test(value) && !loneSurrogate.test(value);
}

/**
 * The path of the first string (or object key) in a value that cannot be stored, `''` for the
 * value itself, or null when everything can be stored. Walks at most `limit` nodes.
 */
export function findUnstorable(value: unknown, limit = 100_000): string | null {
  let visited = 0;
  const walk = (v: unknown, path: string): string | null => {
    if (++visited > limit) return null;
    if (typeof v === 'string') return isStorableText(v) ? null : path;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const found = walk(v[i], path ? `${path}.${i}` : String(i));
        if (found !== null) return found;
      }
      return null;
    }
    if (v && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return at;
        const found = walk(inner, at);
        if (found !== null) return found;
      }
    }
    return null;
  };
  return walk(value, '');
}
