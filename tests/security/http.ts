/** Requests as a browser sends them, for the access and bad-input tests. */
import type { ActionCase } from './access-table.ts';

/** A form as a browser sends it: urlencoded, or multipart with its files. */
export function formBody(form: Array<[string, string]>, files: ActionCase['files'] = []): { body: string | FormData; type?: string } {
  if (!files.length) return { body: new URLSearchParams(form).toString(), type: 'application/x-www-form-urlencoded' };
  const data = new FormData();
  for (const [k, v] of form) data.append(k, v);
  for (const f of files) data.append(f.name, new Blob([f.content], { type: f.type }), f.fileName);
  return { body: data };
}
