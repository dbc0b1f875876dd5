/** The participation record of a round as an XLSX workbook, with the page's filters and order. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { toXlsx } from '../../domain/participation/xlsx.ts';
import { exportRows } from '../../domain/participation/view.ts';
import { downloadHeaders } from '../utils/download.server.ts';
import { loadRoundRecord } from '../utils/participation.server.ts';

export async function loader(args: LoaderFunctionArgs) {
  const { round, shownRows } = await loadRoundRecord(args);
  const workbook = toXlsx([{ name: 'Participation', rows: exportRows(shownRows) }]);
  return new Response(new Uint8Array(workbook), { headers: downloadHeaders('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `participation-${round.id}.xlsx`) });
}
