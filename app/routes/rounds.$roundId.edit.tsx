import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { listOrganizationChoices } from '../../domain/organizations.ts';
import { timeZoneChoices, wallTimeOf } from '../../domain/time-zones.ts';
import { getRound } from '../../domain/rounds.ts';
import { updateRoundAnnounced } from '../../domain/round-announcements.ts';
import { RoundForm, type RoundFormValues } from '../components/round-form.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, invalid } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { readRoundForm } from '../utils/round-form.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'rounds.edit');


export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { round, invited, facts } = await getRound(context.services.db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  await requirePermission(context, user, 'edit', { type: 'round', round: facts });
  return {
    // The deadline as its field shows it: the wall time of the round's own zone.
    round: { ...round, submissionDeadline: round.submissionDeadline ? wallTimeOf(round.submissionDeadline, round.timeZone) : '', invitedOrganizationIds: invited.map((o) => o.id) },
    organizations: await listOrganizationChoices(context.services.db),
    timeZones: timeZoneChoices(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { round, facts } = await getRound(context.services.db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  await requirePermission(context, user, 'edit', { type: 'round', round: facts });
  const { parsed, values } = await readRoundForm(request, context.services.db);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const { notified } = await updateRoundAnnounced(context.services.db, round.id, parsed.value, facts);
  context.services.realtime.notificationsChanged(notified);
  await context.services.realtime.roundChanged(round.id);
  return redirectWithToast(`/rounds/${round.id}`, { kind: 'success', key: 'toast.organizationSaved' });
}

export default function EditRoundPage() {
  const t = useT();
  const { round, organizations, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack narrow-wide">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${round.id}`}>{round.title}</Link>
      </nav>
      <h1>{t('rounds.edit')}</h1>
      <RoundForm values={(result?.values ?? round) as RoundFormValues} errors={result?.errors ?? {}} organizations={organizations} timeZones={timeZones} submitLabel={t('forms.save')} />
    </div>
  );
}
