/**
 * POST a Word document (field `file`, a .docx up to 10 MB) to be imported into a draft: those
 * who may edit the draft get its content back, converted and sanitized, for their editor to
 * insert as one change (ADR 025); a file that is not a sound .docx gets the reason in words
 * (413 too large, 422 otherwise). The draft itself is not touched here.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { getPaper } from '../../domain/papers.ts';
import { maxWordFileBytes, WordFileRefused, type ImportedWordDocument } from '../../domain/papers/word-import.ts';
import { convertWordDocumentApart } from '../../domain/papers/word-import-thread.ts';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse } from '../utils/forms.server.ts';
import { resolveLocale, translatorFor } from '../utils/i18n.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';

export type WordImportAnswer = { imported: ImportedWordDocument; error?: undefined } | { error: string; imported?: undefined };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Importing is a POST from the editor; the address typed in just leads to the paper (which
  // says what this person may see of it), or to nothing for a paper that is not there.
  await requireUser(request, context);
  const found = await getPaper(context.services.db, params.paperId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (found.paper.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  return redirect(`/rounds/${found.round.id}/papers/${found.paper.id}`);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const found = await getPaper(context.services.db, params.paperId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (found.paper.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  await requirePermission(context, user, 'edit-draft', { type: 'paper', organizationId: found.paper.organizationId, round: found.facts });
  const refuse = (reason: string, status: number) => Response.json({ error: `errors.import.${reason}` } satisfies WordImportAnswer, { status });
  if (Number(request.headers.get('content-length') ?? 0) > maxWordFileBytes + 64 * 1024) return refuse('too-large', 413);
  const form = await request.formData();
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return refuse('no-file', 400);
  if (file.size > maxWordFileBytes) return refuse('too-large', 413);
  const t = translatorFor(resolveLocale(request, user));
  try {
    const imported = await convertWordDocumentApart(new Uint8Array(await file.arrayBuffer()), { notesHeading: t('import.notesHeading') });
    return Response.json({ imported } satisfies WordImportAnswer);
  } catch (error) {
    if (error instanceof WordFileRefused) return refuse(error.reason, error.reason === 'too-large' ? 413 : 422);
    throw error;
  }
}
