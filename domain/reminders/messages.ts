/** The words of a reminder, in the person's language, with times in the round's zone (and theirs). */
import type { ConsultationRound, ConsultationSession, Reminder } from '../../db/schema.ts';
import { translate } from '../../locales/index.ts';
import { sameClock, zoneCity } from '../time-zones.ts';
import type { Locale } from '../vocabulary.ts';

export interface ReminderFacts {
  reminder: Pick<Reminder, 'kind' | 'daysBefore' | 'note' | 'roundId' | 'sessionId'>;
  person: { email: string; locale: Locale | null; timeZone: string | null };
  round: Pick<ConsultationRound, 'id' | 'title' | 'timeZone' | 'submissionDeadline'>;
  organizationName: string;
  session: Pick<ConsultationSession, 'id' | 'title' | 'startsAt'> | null;
  origin: string;
}

/** The mail to send and the notification to file. */
export function reminderMessage(facts: ReminderFacts) {
  const { reminder, person, round, session, origin } = facts;
  const locale = person.locale ?? 'en';
  const link = session ? `/rounds/${round.id}/sessions/${session.id}` : `/rounds/${round.id}`;
  const when = session ? session.startsAt : round.submissionDeadline;
  const vars = {
    round: round.title,
    organization: facts.organizationName,
    session: session?.title ?? '',
    when: when ? momentIn(locale, when, round.timeZone, person.timeZone) : '',
    days: reminder.daysBefore ?? 0,
    count: reminder.daysBefore ?? 0,
    note: reminder.note ?? '',
    link: `${origin}${link}`,
    settings: `${origin}/account`,
  };
  const subject = translate(locale, `mail.reminder.${reminder.kind}.subject`, vars);
  const body = [translate(locale, `mail.reminder.${reminder.kind}.body`, vars), reminder.note ? `“${reminder.note}”` : null, translate(locale, reminder.kind === 'facilitator' ? 'mail.reminder.footerFacilitator' : 'mail.reminder.footer', vars)]
    .filter(Boolean)
    .join('\n\n');
  return {
    mail: { to: person.email, subject, body },
    notification: { payload: { round: session ? `${session.title} · ${round.title}` : round.title, when: vars.when }, link },
  };
}

/** "31 December 2026, 23:59 Geneva (1 January, 00:59 Kyiv)": the round's zone, and the person's when it differs. */
export function momentIn(locale: Locale, at: Date, roundZone: string, personZone: string | null): string {
  const format = (zone: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(at);
  const there = `${format(roundZone)} ${zoneCity(roundZone)}`;
  if (!personZone || sameClock(at, roundZone, personZone)) return there;
  return `${there} (${format(personZone)} ${zoneCity(personZone)})`;
}
