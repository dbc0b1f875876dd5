/**
 * THE BASELINE of `npm run bench:diff`, not used by the platform: the hand-written word diff
 * that domain/papers/diff.ts replaced (issue 11), as it was on main before. It keeps a copy of
 * the whole frontier at every edit length, so two unrelated versions cost time and memory that
 * grow with the square of their length.
 */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

const tokenize = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

export function diffWords(before: string, after: string): DiffSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const script = myers(a, b);
  const segments: DiffSegment[] = [];
  for (const [kind, token] of script) {
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += token;
    else segments.push({ kind, text: token });
  }
  return segments;
}

/** The shortest edit script from a to b, as a list of kept, added and removed tokens. */
function myers(a: string[], b: string[]): Array<[DiffSegment['kind'], string]> {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v: Int32Array = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  trace.push(v.slice());
  // Walk back through the saved frontiers to recover the path.
  const script: Array<[DiffSegment['kind'], string]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      script.push(['same', a[--x]!]);
      y--;
    }
    if (d === 0) break;
    if (x === prevX) script.push(['added', b[--y]!]);
    else script.push(['removed', a[--x]!]);
  }
  while (x > 0 && y > 0) {
    script.push(['same', a[--x]!]);
    y--;
  }
  return script.reverse();
}
