/**
 * The layers: `domain/` (the rules), `server/` (the process) and `db/` never import from `app/`
 * (the Remix pages); what both need (the dictionaries, the cookies) lives outside `app/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('layers', () => {
  it.each(['domain', 'server', 'db', 'locales'])('%s imports nothing from app/', (layer) => {
    const offending = sources(layer).filter((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].some((m) => {
        const target = m[1] ?? m[2]!;
        return target.startsWith('.') && path.resolve(path.dirname(file), target).startsWith(path.resolve('app') + path.sep);
      }),
    );
    expect(offending).toEqual([]);
  });
});
