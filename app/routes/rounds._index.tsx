import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { can } from '../../domain/permissions.ts';
import { listRoundsFor } from '../../domain/rounds.ts';
import { EmptyState } from '../components/empty-state.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'rounds.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'list', { type: 'rounds' });
  return { rounds: await listRoundsFor(context.services.db, user), canCreate: can(user, 'create', { type: 'rounds' }) };
}

export default function RoundsPage() {
  const t = useT();
  const format = useFormat();
  const { rounds, canCreate } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader title={t('rounds.title')} intro={t('rounds.intro')} action={canCreate ? { to: '/rounds/new', label: t('rounds.new') } : undefined} />
      {rounds.length === 0 ? (
        <EmptyState title={t('rounds.empty.title')} body={t(canCreate ? 'rounds.empty.bodyStaff' : 'rounds.empty.body')} action={canCreate ? { to: '/rounds/new', label: t('rounds.new') } : undefined} />
      ) : (
        <ul className="org-list">
          {rounds.map((round) => (
            <li key={round.id} className="card">
              <h2 className="card-title">
                <Link to={`/rounds/${round.id}`}>{round.title}</Link>
              </h2>
              <p className="meta-line">
                <span className="badge badge-phase">{t(`phases.${round.phase}`)}</span>{' '}
                {round.submissionDeadline ? t('rounds.deadline', { date: format.zoned(round.submissionDeadline, round.timeZone) }) : t('rounds.noDeadline')}
              </p>
              <p className="meta-line">{t('rounds.invitedCount', { count: round.invitedCount })} · {t('rounds.papersCount', { count: round.paperCount })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
