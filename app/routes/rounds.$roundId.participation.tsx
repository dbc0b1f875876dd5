/**
 * The participation record of a round: every invited organization's figures, derived from what
 * the platform stored; filters, sorting, charts, CSV and XLSX. The secretariat adds meetings held
 * elsewhere (one attendee at a time or from a CSV file) and annotates or corrects a figure.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from '@remix-run/react';
import { addAttendee, correctFigure, importAttendees, listMeetings, recordMeeting, type ImportReport } from '../../domain/participation/meetings.ts';
import { meetingKinds } from '../../domain/participation/meeting-kinds.ts';
import { participationRecord } from '../../domain/participation/record.ts';
import { figures, isCorrected, shown, tookPart, type Figure } from '../../domain/participation/figures.ts';
import { countriesOf, interventionsByArea, recordPageSize, type SortColumn } from '../../domain/participation/view.ts';
import { can } from '../../domain/permissions.ts';
import { getRound } from '../../domain/rounds.ts';
import { areas, levels } from '../../domain/vocabulary.ts';
import { BarChart } from '../components/participation/bar-chart.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { SelectField } from '../components/select-field.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, type FormErrors } from '../utils/forms.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { clock } from '../utils/durations.ts';
import { loadRoundRecord } from '../utils/participation.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.title ?? ''} · IDM Consult` }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, round, invited, facts, rows, shownRows, query } = await loadRoundRecord(args);
  const canRecord = can(user, 'record', { type: 'participation', round: facts });
  return {
    round: { id: round.id, title: round.title },
    invited,
    query,
    rows: shownRows.slice((query.page - 1) * recordPageSize, query.page * recordPageSize),
    filtered: shownRows.length,
    pages: Math.max(1, Math.ceil(shownRows.length / recordPageSize)),
    total: rows.length,
    tookPart: rows.filter(tookPart).length,
    counts: {
      attended: rows.filter((r) => shown(r, 'sessionsAttended') > 0).length,
      spoke: rows.filter((r) => shown(r, 'interventions') > 0).length,
      submitted: rows.filter((r) => shown(r, 'versions') > 0).length,
    },
    byArea: interventionsByArea(shownRows),
    countries: countriesOf(rows),
    canRecord,
    meetings: canRecord || rows.length > 0 ? await listMeetings(args.context.services.db, round.id) : [],
  };
}

/** Files larger than this are refused before they are read. */
const maxImportBytes = 1024 * 1024;

type ActionData = FormErrors & { intent?: string; report?: ImportReport };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { db } = context.services;
  const { round, facts } = await getRound(db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  await requirePermission(context, user, 'record', { type: 'participation', round: facts });
  if (Number(request.headers.get('content-length') ?? 0) > maxImportBytes) {
    return data<ActionData>({ intent: 'import', errors: { file: 'participation.import.tooLarge' } }, { status: 413 });
  }
  const form = await request.formData();
  const intent = form.get('intent');
  const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
  const here = `/rounds/${round.id}/participation`;
  try {
    if (intent === 'meeting') {
      await recordMeeting(db, round.id, { title: text('title'), kind: text('kind'), heldOn: text('heldOn') }, user.id);
      return redirectWithToast(`${here}#meetings`, { kind: 'success', key: 'participation.toast.meetingRecorded' });
    }
    if (intent === 'attendee') {
      await addAttendee(db, round.id, { meetingId: text('meetingId'), organizationId: text('organizationId'), personName: text('personName') }, user.id);
      return redirectWithToast(`${here}#meetings`, { kind: 'success', key: 'participation.toast.attendeeAdded' });
    }
    if (intent === 'import') {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) return data<ActionData>({ intent, errors: { file: 'participation.import.noFile' } }, { status: 400 });
      const report = await importAttendees(db, round.id, text('meetingId'), new Uint8Array(await file.arrayBuffer()), { importMatching: form.get('importMatching') === 'on', actorId: user.id });
      const refused = report.fileError !== null || (report.imported === 0 && report.problems.length > 0);
      return data<ActionData>({ intent, errors: {}, report }, { status: refused ? 422 : 200 });
    }
    if (intent === 'correct') {
      await correctFigure(db, round.id, { organizationId: text('organizationId'), figure: text('figure'), value: text('value'), note: text('note') }, user.id, async (organizationId, figure) => {
        // The one organization's row: not the whole round's record for one figure.
        const [row] = await participationRecord(db, { roundId: round.id, organizationId });
        return row ? row.derived[figure] : null;
      });
      return redirectWithToast(`${here}#corrections`, { kind: 'success', key: 'participation.toast.corrected' });
    }
  } catch (error) {
    const response = domainErrorResponse(error, Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')));
    return data<ActionData>({ intent: String(intent), ...(response.data as FormErrors) }, { status: 400 });
  }
  return data<ActionData>({ errors: { form: 'participation.errors.unknownIntent' } }, { status: 400 });
}

const columns: { key: SortColumn; figure?: Figure }[] = [
  { key: 'members', figure: 'members' },
  { key: 'sessionsAttended', figure: 'sessionsAttended' },
  { key: 'secondsPresent', figure: 'secondsPresent' },
  { key: 'interventions', figure: 'interventions' },
  { key: 'interventionSeconds', figure: 'interventionSeconds' },
  { key: 'versions', figure: 'versions' },
  { key: 'coSignatures', figure: 'coSignatures' },
  { key: 'comments', figure: 'comments' },
  { key: 'meetingsElsewhere', figure: 'meetingsElsewhere' },
];

const minutes = (seconds: number) => Math.round(seconds / 60);

export default function ParticipationPage() {
  const t = useT();
  const format = useFormat();
  const { round, invited, query, rows, filtered, pages, total, tookPart: took, counts, byArea, countries, canRecord, meetings } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const busy = navigation.state !== 'idle';
  const base = `/rounds/${round.id}/participation`;
  const exportQuery = params.toString() ? `?${params.toString()}` : '';
  const sortLink = (column: SortColumn) => {
    const next = new URLSearchParams(params);
    next.set('sort', column);
    next.set('dir', query.sort === column && query.dir === 'asc' ? 'desc' : 'asc');
    next.delete('page');
    return `?${next.toString()}`;
  };
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return `?${next.toString()}`;
  };
  const ariaSort = (column: SortColumn) => (query.sort === column ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  // Speaking time as a clock ("0:15"); time present, which runs to hours, in minutes.
  const figureText = (figure: Figure, value: number) => (figure === 'interventionSeconds' ? clock(value) : figure === 'secondsPresent' ? t('participation.minutes', { count: minutes(value) }) : String(value));
  const errorOf = (intent: string, field: string) => (actionData?.intent === intent && actionData.errors[field] ? t(actionData.errors[field]!) : undefined);

  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${round.id}`}>{round.title}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('participation.title')}</h1>
        <p className="lead">{t('participation.lead', { took, total })}</p>
        <p>
          <a href={`${base}.csv${exportQuery}`} download>
            {t('participation.exportCsv')}
          </a>{' '}
          ·{' '}
          <a href={`${base}.xlsx${exportQuery}`} download>
            {t('participation.exportXlsx')}
          </a>
        </p>
      </header>

      <Form method="get" className="filters card" role="search" aria-label={t('participation.filters')} onChange={(e) => submit(e.currentTarget, { replace: true, preventScrollReset: true })}>
        <SelectField label={t('organization.areas')} name="area" defaultValue={query.area} empty={t('organizations.any')} options={areas.map((a) => ({ value: a, label: t(`areas.${a}`) }))} />
        <SelectField label={t('organization.level')} name="level" defaultValue={query.level} empty={t('organizations.any')} options={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />
        <SelectField label={t('organization.country')} name="country" defaultValue={query.country} empty={t('organizations.any')} options={countries.map((c) => ({ value: c, label: format.country(c) })).sort((a, b) => a.label.localeCompare(b.label))} />
        <SelectField label={t('organization.observerStatus')} name="observer" defaultValue={query.observer} empty={t('organizations.any')} options={[{ value: 'yes', label: t('organizations.observerYes') }, { value: 'no', label: t('organizations.observerNo') }]} />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="filter-actions">
          <button type="submit" className="button">
            {t('organizations.apply')}
          </button>
          <Link to={base}>{t('organizations.clear')}</Link>
        </div>
      </Form>

      <section className="card" aria-labelledby="record-title" aria-busy={busy}>
        <h2 id="record-title">{t('participation.organizations', { count: filtered })}</h2>
        {rows.length === 0 ? (
          <EmptyState title={t('participation.empty.title')} body={t(total === 0 ? 'participation.empty.noneInvited' : 'participation.empty.filtered')} />
        ) : (
          <div className="table-wrap">
            <table className="record-table">
              <thead>
                <tr>
                  <th scope="col" aria-sort={ariaSort('organization')}>
                    <Link to={sortLink('organization')} preventScrollReset>
                      {t('participation.column.organization')}
                    </Link>
                  </th>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className="number" aria-sort={ariaSort(c.key)}>
                      <Link to={sortLink(c.key)} preventScrollReset>
                        {t(`participation.figure.${c.key}`)}
                      </Link>
                    </th>
                  ))}
                  <th scope="col" aria-sort={ariaSort('submittedAt')}>
                    <Link to={sortLink('submittedAt')} preventScrollReset>
                      {t('participation.column.submittedAt')}
                    </Link>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.organization.id}>
                    <th scope="row">
                      <Link to={`/organizations/${r.organization.id}`}>{r.organization.name}</Link>
                      <small className="muted">
                        {' '}
                        {[r.organization.countries.map(format.country).join(', '), t(`levels.${r.organization.level}`), r.organization.hasObserverStatus ? t('participation.observer') : null].filter(Boolean).join(' · ')}
                      </small>
                    </th>
                    {columns.map(({ key, figure }) => {
                      const value = shown(r, figure!);
                      const corrected = isCorrected(r, figure!);
                      return (
                        <td key={key} className={corrected ? 'number corrected' : 'number'}>
                          {figureText(figure!, value)}
                          {corrected && <small>{t('participation.correctedFrom', { value: figureText(figure!, r.derived[figure!]) })}</small>}
                          {figure === 'coSignatures' && r.coSigned.length > 0 && (
                            <small className="muted"> ({r.coSigned.map((c) => t('joint.coSignedPaper', { organization: c.organizationName, number: c.versionNumber })).join('; ')})</small>
                          )}
                          {figure === 'interventions' && value > 0 && !corrected && (
                            <small className="muted"> ({t('participation.byKind', { intervention: r.interventionsByKind.intervention, reply: r.interventionsByKind.reply, order: r.interventionsByKind['point-of-order'] })})</small>
                          )}
                        </td>
                      );
                    })}
                    <td>{r.lastSubmittedAt ? format.date(r.lastSubmittedAt) : t('participation.notSubmitted')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav aria-label={t('pagination.label')} className="pagination">
            {query.page > 1 && <Link to={pageLink(query.page - 1)}>{t('pagination.previous')}</Link>}
            <span>{t('pagination.pageOf', { page: query.page, pages })}</span>
            {query.page < pages && <Link to={pageLink(query.page + 1)}>{t('pagination.next')}</Link>}
          </nav>
        )}
      </section>

      <section className="card" aria-labelledby="charts-title">
        <h2 id="charts-title">{t('participation.charts')}</h2>
        <div className="grid-2">
          <BarChart
            caption={t('participation.chart.byArea')}
            label={t('organization.areas')}
            value={t('participation.figure.interventions')}
            rows={byArea.map((a) => ({ key: a.area, label: t(`areas.${a.area}`), value: a.interventions, note: t('participation.chart.organizations', { count: a.organizations }) }))}
          />
          <BarChart
            caption={t('participation.chart.tookPart')}
            label={t('participation.chart.what')}
            value={t('participation.chart.organizationsCount')}
            rows={[
              { key: 'invited', label: t('participation.chart.invited'), value: total },
              { key: 'took', label: t('participation.chart.tookPartRow'), value: took },
              { key: 'sessions', label: t('participation.figure.sessionsAttended'), value: counts.attended },
              { key: 'spoke', label: t('participation.figure.interventions'), value: counts.spoke },
              { key: 'submitted', label: t('participation.figure.versions'), value: counts.submitted },
            ]}
          />
        </div>
      </section>

      <section className="card" id="corrections" aria-labelledby="corrections-title">
        <h2 id="corrections-title">{t('participation.corrections.title')}</h2>
        {rows.every((r) => r.corrections.length === 0) ? (
          <p>{t('participation.corrections.none')}</p>
        ) : (
          <ul>
            {rows.flatMap((r) =>
              r.corrections.map((c, i) => (
                <li key={`${r.organization.id}-${i}`}>
                  <strong>{r.organization.name}</strong>, {t(`participation.figure.${c.figure}`)}:{' '}
                  {c.value !== null ? t('participation.corrections.changed', { from: figureText(c.figure, r.derived[c.figure]), to: figureText(c.figure, c.value) }) : t('participation.corrections.annotation')} — “{c.note}” ({c.by ?? '—'}, {format.dateTime(c.at)})
                </li>
              )),
            )}
          </ul>
        )}
        {canRecord && (
          <Form method="post" className="stack" aria-labelledby="correct-title">
            <h3 id="correct-title">{t('participation.corrections.add')}</h3>
            <input type="hidden" name="intent" value="correct" />
            <SelectField label={t('participation.column.organization')} name="organizationId" options={invited.map((o) => ({ value: o.id, label: o.name }))} error={errorOf('correct', 'organizationId')} />
            <SelectField label={t('participation.corrections.figure')} name="figure" options={figures.map((f) => ({ value: f, label: t(`participation.figure.${f}`) }))} error={errorOf('correct', 'figure')} />
            <div className="field">
              <label htmlFor="correction-value">{t('participation.corrections.value')}</label>
              <p className="field-hint" id="correction-value-hint">
                {t('participation.corrections.valueHint')}
              </p>
              <input id="correction-value" name="value" inputMode="numeric" aria-describedby="correction-value-hint" aria-invalid={errorOf('correct', 'value') ? true : undefined} />
              {errorOf('correct', 'value') && <p className="field-error">{errorOf('correct', 'value')}</p>}
            </div>
            <div className="field">
              <label htmlFor="correction-note">{t('participation.corrections.note')}</label>
              <textarea id="correction-note" name="note" rows={2} required aria-invalid={errorOf('correct', 'note') ? true : undefined} />
              {errorOf('correct', 'note') && <p className="field-error">{errorOf('correct', 'note')}</p>}
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t('participation.corrections.save')}
            </button>
          </Form>
        )}
      </section>

      <section className="card" id="meetings" aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('participation.meetings.title')}</h2>
        {meetings.length === 0 ? (
          <EmptyState title={t('participation.meetings.none')} body={t(canRecord ? 'participation.meetings.noneBody' : 'participation.meetings.noneBodyReader')} />
        ) : (
          meetings.map((m) => (
            <article key={m.id} className="stack" aria-labelledby={`meeting-${m.id}`}>
              <h3 id={`meeting-${m.id}`}>
                {m.title} <small className="muted">({t(`participation.meetingKind.${m.kind}`)}, {format.date(m.heldOn)})</small>
              </h3>
              {m.attendees.length === 0 ? (
                <p>{t('participation.meetings.noAttendees')}</p>
              ) : (
                <ul>
                  {m.attendees.map((a, i) => (
                    <li key={i}>
                      {a.personName} — {a.organizationName}
                    </li>
                  ))}
                </ul>
              )}
              {canRecord && (
                <div className="grid-2">
                  <Form method="post" className="stack" aria-label={t('participation.meetings.addAttendee', { title: m.title })}>
                    <input type="hidden" name="intent" value="attendee" />
                    <input type="hidden" name="meetingId" value={m.id} />
                    <SelectField label={t('participation.column.organization')} name="organizationId" options={invited.map((o) => ({ value: o.id, label: o.name }))} />
                    <div className="field">
                      <label htmlFor={`person-${m.id}`}>{t('participation.meetings.personName')}</label>
                      <input id={`person-${m.id}`} name="personName" required />
                      {actionData?.intent === 'attendee' && actionData.values?.meetingId === m.id && Object.values(actionData.errors)[0] && <p className="field-error">{t(Object.values(actionData.errors)[0]!)}</p>}
                    </div>
                    <button type="submit" className="button button-secondary" disabled={busy}>
                      {t('participation.meetings.add')}
                    </button>
                  </Form>
                  <Form method="post" encType="multipart/form-data" className="stack" aria-label={t('participation.import.title', { title: m.title })}>
                    <input type="hidden" name="intent" value="import" />
                    <input type="hidden" name="meetingId" value={m.id} />
                    <div className="field">
                      <label htmlFor={`file-${m.id}`}>{t('participation.import.file')}</label>
                      <p className="field-hint" id={`file-hint-${m.id}`}>
                        {t('participation.import.hint')}
                      </p>
                      <input id={`file-${m.id}`} name="file" type="file" accept=".csv,text/csv" required aria-describedby={`file-hint-${m.id}`} />
                    </div>
                    <label className="checkbox">
                      <input type="checkbox" name="importMatching" /> {t('participation.import.matching')}
                    </label>
                    <button type="submit" className="button button-secondary" disabled={busy}>
                      {busy && navigation.formData?.get('intent') === 'import' ? t('participation.import.importing') : t('participation.import.submit')}
                    </button>
                  </Form>
                </div>
              )}
            </article>
          ))
        )}
        {actionData?.intent === 'import' && <ImportResult data={actionData} />}
        {canRecord && (
          <Form method="post" className="stack" aria-labelledby="new-meeting-title">
            <h3 id="new-meeting-title">{t('participation.meetings.new')}</h3>
            <input type="hidden" name="intent" value="meeting" />
            <div className="field">
              <label htmlFor="meeting-title">{t('participation.meetings.meetingTitle')}</label>
              <input id="meeting-title" name="title" required placeholder={t('participation.meetings.titlePlaceholder')} aria-invalid={errorOf('meeting', 'title') ? true : undefined} />
              {errorOf('meeting', 'title') && <p className="field-error">{errorOf('meeting', 'title')}</p>}
            </div>
            <SelectField label={t('participation.meetings.kind')} name="kind" options={meetingKinds.map((k) => ({ value: k, label: t(`participation.meetingKind.${k}`) }))} error={errorOf('meeting', 'kind')} />
            <div className="field">
              <label htmlFor="meeting-date">{t('participation.meetings.heldOn')}</label>
              <input id="meeting-date" name="heldOn" type="date" required aria-invalid={errorOf('meeting', 'heldOn') ? true : undefined} />
              {errorOf('meeting', 'heldOn') && <p className="field-error">{errorOf('meeting', 'heldOn')}</p>}
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t('participation.meetings.record')}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}

function ImportResult({ data: result }: { data: ActionData }) {
  const t = useT();
  if (result.errors.file) return <p className="import-report" role="alert">{t(result.errors.file)}</p>;
  const report = result.report;
  if (!report) return null;
  if (report.fileError) return <p className="import-report" role="alert">{t(report.fileError)}</p>;
  return (
    <div className={report.problems.length === 0 ? 'import-report ok' : 'import-report'} role={report.problems.length ? 'alert' : 'status'}>
      <p>
        {report.imported > 0
          ? t('participation.import.imported', { count: report.imported })
          : t('participation.import.nothingImported', { count: report.matched })}
      </p>
      {report.problems.length > 0 && (
        <>
          <p>{t('participation.import.problems', { count: report.problems.length })}</p>
          <ul>
            {report.problems.map((p) => (
              <li key={p.line}>
                {t('participation.import.line', { line: p.line })}: {t(`participation.import.problem.${p.problem}`, { value: p.value, line: p.duplicateOf ?? '' })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
