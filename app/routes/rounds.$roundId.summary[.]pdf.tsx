/** The summary as a tagged PDF, its sources listed at the end. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { summaryToPdf } from '../../domain/summary/export/pdf.ts';
import { downloadHeaders } from '../utils/download.server.ts';
import { summaryForExport } from '../utils/summary-export.server.ts';

export async function loader(args: LoaderFunctionArgs) {
  const { summary, fileName } = await summaryForExport(args);
  return new Response(new Uint8Array(await summaryToPdf(summary)), { headers: downloadHeaders('application/pdf', `${fileName}.pdf`) });
}
