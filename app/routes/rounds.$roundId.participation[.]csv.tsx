/** The participation record of a round as CSV, with the page's filters and order. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { writeCsv } from '../../domain/participation/csv.ts';
import { exportRows } from '../../domain/participation/view.ts';
import { downloadHeaders } from '../utils/download.server.ts';
import { loadRoundRecord } from '../utils/participation.server.ts';

export async function loader(args: LoaderFunctionArgs) {
  const { round, shownRows } = await loadRoundRecord(args);
  return new Response(writeCsv(exportRows(shownRows)), { headers: downloadHeaders('text/csv; charset=utf-8', `participation-${round.id}.csv`) });
}
