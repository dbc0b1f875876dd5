/** The summary as a Word document: headings, citations as footnotes, tables. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { summaryToDocx } from '../../domain/summary/export/docx.ts';
import { downloadHeaders } from '../utils/download.server.ts';
import { summaryForExport } from '../utils/summary-export.server.ts';

export async function loader(args: LoaderFunctionArgs) {
  const { summary, fileName } = await summaryForExport(args);
  return new Response(new Uint8Array(await summaryToDocx(summary)), { headers: downloadHeaders('application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${fileName}.docx`) });
}
