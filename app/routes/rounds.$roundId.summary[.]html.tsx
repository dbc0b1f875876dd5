/** The summary as one standalone web page, its sources as footnotes. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { summaryToHtml } from '../../domain/summary/export/html.ts';
import { downloadHeaders } from '../utils/download.server.ts';
import { summaryForExport } from '../utils/summary-export.server.ts';

export async function loader(args: LoaderFunctionArgs) {
  const { summary, fileName } = await summaryForExport(args);
  return new Response(summaryToHtml(summary), { headers: downloadHeaders('text/html; charset=utf-8', `${fileName}.html`) });
}
