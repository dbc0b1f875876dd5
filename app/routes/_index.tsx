import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { dashboardFor } from '../../domain/dashboard.ts';
import { EmptyState } from '../components/empty-state.tsx';
import { Figures } from '../components/page-header.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  return { name: user.name, isRepresentative: user.isRepresentative, dashboard: await dashboardFor(context.services.db, user) };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function DashboardPage() {
  const t = useT();
  const { name, dashboard, isRepresentative } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t('dashboard.greeting', { name })}</h1>
        <p className="lead">{t(`dashboard.${dashboard.role}.intro`)}</p>
      </header>
      {dashboard.role === 'observer' && <ObserverDashboard dashboard={dashboard} isRepresentative={isRepresentative} />}
      {(dashboard.role === 'facilitator' || dashboard.role === 'admin') && <StaffDashboard dashboard={dashboard} />}
      {dashboard.role === 'admin' && <AdminPanel dashboard={dashboard} />}
      {dashboard.role === 'secretariat' && <SecretariatDashboard dashboard={dashboard} />}
    </div>
  );
}

function ObserverDashboard({ dashboard, isRepresentative }: { dashboard: Extract<Data['dashboard'], { role: 'observer' }>; isRepresentative: boolean }) {
  const t = useT();
  const format = useFormat();
  if (!dashboard.organization) {
    return <EmptyState title={t('dashboard.observer.noOrganization.title')} body={t('dashboard.observer.noOrganization.body')} />;
  }
  const org = dashboard.organization;
  const colleagues = dashboard.members.length - 1;
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="my-org">
        <h2 id="my-org">{t('dashboard.observer.myOrganization')}</h2>
        <p className="card-title">
          <Link to={`/organizations/${org.id}`}>{org.name}</Link>
        </p>
        <p>{org.hasObserverStatus ? t('organization.observerStatus.yes') : t('organization.observerStatus.no')}</p>
        <p>{t('dashboard.observer.members', { count: dashboard.members.length })}</p>
        {colleagues === 0 &&
          (isRepresentative ? (
            <EmptyState title={t('dashboard.observer.alone.title')} body={t('dashboard.observer.alone.bodyRepresentative')} action={{ to: `/invitations/new?organizationId=${org.id}`, label: t('invitations.new') }} />
          ) : (
            <p className="muted">{t('dashboard.observer.alone.body')}</p>
          ))}
      </section>
      <section className="card" aria-labelledby="needs-me">
        <h2 id="needs-me">{t('dashboard.needsMe')}</h2>
        {dashboard.rounds.length > 0 && (
          <ul className="plain-list">
            {dashboard.rounds.map((r) => (
              <li key={r.id}>
                <Link to={r.paperId ? `/rounds/${r.id}/papers/${r.paperId}` : `/rounds/${r.id}`}>{r.title}</Link>
                {' · '}
                {r.versions > 0
                  ? t('dashboard.round.submitted', { count: r.versions })
                  : r.paperId
                    ? t('dashboard.round.draft', { count: r.words })
                    : t('dashboard.round.notStarted')}
                {r.deadline && r.phase === 'open' ? ` · ${t('rounds.deadline', { date: format.zoned(r.deadline, r.timeZone) })}` : ''}
              </li>
            ))}
          </ul>
        )}
        {dashboard.sessions.length > 0 && (
          <>
            <h3>{t('dashboard.sessions')}</h3>
            <ul className="plain-list">
              {dashboard.sessions.map((s) => (
                <li key={s.id}>
                  <Link to={`/rounds/${s.roundId}/sessions/${s.id}`}>{s.title}</Link> · {s.roundTitle} · {s.status === 'open' ? <strong>{t('sessions.status.open')}</strong> : format.zoned(s.startsAt, s.timeZone)}
                </li>
              ))}
            </ul>
          </>
        )}
        {isRepresentative && dashboard.pendingInvitations.length > 0 ? (
          <>
            <p>{t('dashboard.pendingInvitations', { count: dashboard.pendingInvitations.length })}</p>
            <ul className="plain-list">
              {dashboard.pendingInvitations.map((i) => (
                <li key={i.id}>
                  {i.email} · {t('dashboard.expires', { date: format.date(i.expiresAt) })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          dashboard.rounds.length === 0 && <EmptyState title={t('dashboard.nothingNow.title')} body={t('dashboard.observer.nothingNow')} />
        )}
      </section>
    </div>
  );
}

/** IOM staff: the rounds under way, and how many invited organizations have submitted. */
function ActiveRounds({ rounds }: { rounds: Array<{ id: string; title: string; phase: string; deadline: string | null; timeZone: string; invited: number; submitted: number }> }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="active-rounds">
      <h2 id="active-rounds">{t('dashboard.staff.rounds')}</h2>
      {rounds.length === 0 ? (
        <EmptyState title={t('rounds.empty.title')} body={t('rounds.empty.bodyStaff')} action={{ to: '/rounds', label: t('nav.rounds') }} />
      ) : (
        <ul className="plain-list">
          {rounds.map((r) => (
            <li key={r.id}>
              <Link to={`/rounds/${r.id}`}>{r.title}</Link> · {t(`phases.${r.phase}`)} · {t('dashboard.staff.submittedOf', { submitted: r.submitted, invited: r.invited })}
              {r.deadline ? ` · ${t('rounds.deadline', { date: format.zoned(r.deadline, r.timeZone) })}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StaffDashboard({ dashboard }: { dashboard: Extract<Data['dashboard'], { role: 'facilitator' | 'admin' }> }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="grid-2">
      <ActiveRounds rounds={dashboard.rounds} />
      <section className="card" aria-labelledby="pending">
        <h2 id="pending">{t('dashboard.staff.pendingInvitations')}</h2>
        {dashboard.pendingInvitations.length === 0 ? (
          <EmptyState title={t('dashboard.staff.noPending.title')} body={t('dashboard.staff.noPending.body')} action={{ to: '/invitations/new', label: t('invitations.new') }} />
        ) : (
          <>
            <ul className="plain-list">
              {dashboard.pendingInvitations.map((i) => (
                <li key={i.id}>
                  <strong>{i.email}</strong> · {t(`roles.${i.role}`)}
                  {i.organizationName ? ` · ${i.organizationName}` : ''} · {t('dashboard.expires', { date: format.date(i.expiresAt) })}
                </li>
              ))}
            </ul>
            <Link to="/invitations">{t('dashboard.staff.allInvitations', { count: dashboard.pendingInvitationCount })}</Link>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="unrepresented">
        <h2 id="unrepresented">{t('dashboard.staff.unrepresented')}</h2>
        {dashboard.unrepresentedObservers.length === 0 ? (
          <EmptyState title={t('dashboard.nothingNow.title')} body={t('dashboard.staff.allRepresented')} />
        ) : (
          <>
            <p className="muted">{t('dashboard.staff.unrepresentedHint')}</p>
            <ul className="plain-list">
              {dashboard.unrepresentedObservers.map((o) => (
                <li key={o.id}>
                  <Link to={`/organizations/${o.id}`}>{o.name}</Link> ·{' '}
                  <Link to={`/invitations/new?organizationId=${o.id}&representative=1`}>{t('dashboard.staff.inviteRepresentative')}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="figures">
        <h2 id="figures">{t('dashboard.figures')}</h2>
        <Figures
          items={[
            { label: t('dashboard.organizations'), value: dashboard.totals.organizations },
            { label: t('dashboard.observerOrganizations'), value: dashboard.totals.observers },
          ]}
        />
      </section>
    </div>
  );
}

function AdminPanel({ dashboard }: { dashboard: Extract<Data['dashboard'], { role: 'admin' }> }) {
  const t = useT();
  const { security } = dashboard;
  return (
    <section className="card" aria-labelledby="security">
      <h2 id="security">{t('dashboard.admin.security')}</h2>
      <Figures
        items={[
          { label: t('dashboard.admin.failedSignIns'), value: security.failedSignIns },
          { label: t('dashboard.admin.refusedPermissions'), value: security.refusedPermissions },
          { label: t('dashboard.admin.undeliveredMail'), value: security.undeliveredMail },
        ]}
      />
      <p>
        <Link to="/admin/audit">{t('nav.audit')}</Link> · <Link to="/admin/outbox">{t('nav.outbox')}</Link> · <Link to="/admin/users">{t('nav.users')}</Link>
      </p>
    </section>
  );
}

function SecretariatDashboard({ dashboard }: { dashboard: Extract<Data['dashboard'], { role: 'secretariat' }> }) {
  const t = useT();
  // Rounds with positions in and no published summary yet: the secretariat's work.
  const toSummarize = dashboard.rounds.filter((r) => r.submitted > 0);
  return (
    <div className="grid-2">
      <ActiveRounds rounds={dashboard.rounds} />
      <section className="card" aria-labelledby="record">
        <h2 id="record">{t('dashboard.secretariat.record')}</h2>
        <Figures
          items={[
            { label: t('dashboard.organizations'), value: dashboard.totals.organizations },
            { label: t('dashboard.observerOrganizations'), value: dashboard.totals.observers },
            { label: t('dashboard.secretariat.registered'), value: dashboard.totals.registeredObservers },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="needs-me">
        <h2 id="needs-me">{t('dashboard.needsMe')}</h2>
        {toSummarize.length === 0 ? (
          <EmptyState title={t('dashboard.nothingNow.title')} body={t('dashboard.secretariat.nothingNow')} action={{ to: '/organizations?observer=yes', label: t('dashboard.secretariat.browseObservers') }} />
        ) : (
          <ul className="stack">
            {toSummarize.map((r) => (
              <li key={r.id}>
                <Link to={`/rounds/${r.id}`}>{r.title}</Link> · {t('dashboard.secretariat.positionsIn', { count: r.submitted })}
                <br />
                <Link to={`/rounds/${r.id}/summary`}>{t('dashboard.secretariat.writeSummary')}</Link> · <Link to={`/rounds/${r.id}/participation`}>{t('participation.link')}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
