/** An organization's participation across the rounds that invited it: a table and a chart. */
import { Link } from '@remix-run/react';
import { shown, type Figure, type Figures } from '../../../domain/participation/figures.ts';
import { BarChart } from './bar-chart.tsx';
import { useT } from '../../utils/i18n.tsx';

const shownFigures: Figure[] = ['sessionsAttended', 'secondsPresent', 'interventions', 'versions', 'coSignatures', 'comments', 'meetingsElsewhere'];

export function RoundsRecord({ rows }: { rows: (Figures & { roundId: string; roundTitle: string })[] }) {
  const t = useT();
  const text = (figure: Figure, value: number) => (figure === 'secondsPresent' ? t('participation.minutes', { count: Math.round(value / 60) }) : String(value));
  return (
    <section className="card" aria-labelledby="across-rounds">
      <h2 id="across-rounds">{t('participation.acrossRounds')}</h2>
      {rows.length === 0 ? (
        <p>{t('participation.acrossRoundsEmpty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="record-table">
              <thead>
                <tr>
                  <th scope="col">{t('participation.chart.round')}</th>
                  {shownFigures.map((f) => (
                    <th key={f} scope="col" className="number">
                      {t(`participation.figure.${f}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.roundId}>
                    <th scope="row">
                      <Link to={`/rounds/${r.roundId}`}>{r.roundTitle}</Link>
                    </th>
                    {shownFigures.map((f) => (
                      <td key={f} className="number">
                        {text(f, shown(r, f))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BarChart
            caption={t('participation.chart.perRound')}
            label={t('participation.chart.round')}
            value={t('participation.figure.interventions')}
            rows={rows.map((r) => ({ key: r.roundId, label: r.roundTitle, value: shown(r, 'interventions'), note: `${t('participation.figure.sessionsAttended')}: ${shown(r, 'sessionsAttended')}` }))}
          />
        </>
      )}
    </section>
  );
}
