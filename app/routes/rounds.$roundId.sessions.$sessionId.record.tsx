/** The record of a session: attendance and interventions, derived from what the server stored; CSV export. */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { EmptyState } from '../components/empty-state.tsx';
import { loadSessionRecord } from '../utils/session-record.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { clock } from '../utils/durations.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.session.title ?? ''} · IDM Consult` }];

export async function loader(args: LoaderFunctionArgs) {
  const { session, round, record, personByPerson, organizationsAttending } = await loadSessionRecord(args);
  return data({ session: { id: session.id, title: session.title, status: session.status, openedAt: session.openedAt, closedAt: session.closedAt }, round: { id: round.id, title: round.title, timeZone: round.timeZone }, record, personByPerson, organizationsAttending });
}


export default function SessionRecordPage() {
  const t = useT();
  const format = useFormat();
  const { session, round, record, personByPerson, organizationsAttending } = useLoaderData<typeof loader>();
  const base = `/rounds/${round.id}/sessions/${session.id}`;
  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${round.id}`}>{round.title}</Link> › <Link to={base}>{session.title}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('sessions.recordTitle', { title: session.title })}</h1>
        <p className="lead">
          {session.openedAt ? format.zoned(session.openedAt, round.timeZone) : t(`sessions.status.${session.status}`)}
          {session.closedAt && ` – ${format.zoned(session.closedAt, round.timeZone)}`}
        </p>
      </header>
      {!personByPerson ? (
        <section className="card" aria-labelledby="attendance-title">
          <h2 id="attendance-title">{t('sessions.presentOrganizations', { count: organizationsAttending.length })}</h2>
          {organizationsAttending.length === 0 ? (
            <EmptyState title={t('sessions.noAttendance.title')} body={t('sessions.noAttendance.body')} />
          ) : (
            <ul className="plain-list">
              {organizationsAttending.map((name) => (
                <li key={name ?? 'iom'}>{name ?? t('sessions.iomStaff')}</li>
              ))}
            </ul>
          )}
          <p className="muted small">{t('sessions.presentWhoHint')}</p>
        </section>
      ) : (
      <section className="card" aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t('sessions.attendance', { count: record.attendance.length })}</h2>
        <p>
          <a href={`${base}/record.csv?part=attendance`} download>
            {t('sessions.csvAttendance')}
          </a>
        </p>
        {record.attendance.length === 0 ? (
          <EmptyState title={t('sessions.noAttendance.title')} body={t('sessions.noAttendance.body')} />
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.person')}</th>
                  <th scope="col">{t('sessions.organization')}</th>
                  <th scope="col">{t('sessions.timePresent')}</th>
                </tr>
              </thead>
              <tbody>
                {record.attendance.map((a, i) => (
                  <tr key={i}>
                    <td>{a.name}</td>
                    <td>{a.organizationName ?? t('sessions.iomStaff')}</td>
                    <td>{clock(a.seconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      )}
      <section className="card" aria-labelledby="interventions-title">
        <h2 id="interventions-title">{t('sessions.interventions', { count: record.interventions.length })}</h2>
        <p>
          <a href={`${base}/record.csv?part=interventions`} download>
            {t('sessions.csvInterventions')}
          </a>
        </p>
        <div className="grid-2">
          <div className="table-wrap">
            <table>
              <caption>{t('sessions.byOrganization')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.organization')}</th>
                  <th scope="col">{t('sessions.count')}</th>
                  <th scope="col">{t('sessions.timeUsed')}</th>
                </tr>
              </thead>
              <tbody>
                {record.byOrganization.map((o) => (
                  <tr key={o.organizationName}>
                    <td>{o.organizationName}</td>
                    <td>{o.count}</td>
                    <td>{clock(o.seconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-wrap">
            <table>
              <caption>{t('sessions.byItem')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.agendaItem')}</th>
                  <th scope="col">{t('sessions.count')}</th>
                  <th scope="col">{t('sessions.timeUsed')}</th>
                </tr>
              </thead>
              <tbody>
                {record.byItem.map((item) => (
                  <tr key={item.id}>
                    <td>{item.title}</td>
                    <td>{item.count}</td>
                    <td>{clock(item.seconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>
    </div>
  );
}
