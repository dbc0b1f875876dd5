/**
 * What the secretariat adds to the record by hand: meetings held elsewhere (an IOM Council
 * session, an IDM workshop) with their attendees, one by one or from a CSV file, and annotations
 * or corrections of a figure. Every change is in the audit log.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDate } from '../dates.ts';
import type { Database } from '../../db/client.ts';
import { externalAttendances, externalMeetings, organizations, participationCorrections, roundOrganizations, users } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { InvalidInput, NotFound } from '../errors.ts';
import { readCsv } from './csv.ts';
import { meetingKinds } from './meeting-kinds.ts';
import { figures, type Figure } from './record.ts';


const meetingInput = z.object({
  title: z.string().trim().min(1, 'participation.errors.titleRequired').max(200, 'participation.errors.titleTooLong'),
  kind: z.enum(meetingKinds, { message: 'participation.errors.kind' }),
  heldOn: calendarDate('participation.errors.date'),
});

function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));
}

export async function recordMeeting(db: Database, roundId: string, input: unknown, actorId: string) {
  const parsed = meetingInput.safeParse(input);
  if (!parsed.success) throw new InvalidInput(fieldErrors(parsed.error));
  return db.transaction(async (tx) => {
    const [meeting] = await tx.insert(externalMeetings).values({ roundId, ...parsed.data, createdById: actorId }).returning();
    await recordAudit(tx, { actorId, action: 'meeting-recorded', subject: `round:${roundId}`, details: { meetingId: meeting!.id, title: meeting!.title } });
    return meeting!;
  });
}

export async function listMeetings(db: Database, roundId: string) {
  const meetings = await db.select().from(externalMeetings).where(eq(externalMeetings.roundId, roundId)).orderBy(asc(externalMeetings.heldOn), asc(externalMeetings.createdAt));
  const attendees = await db
    .select({ meetingId: externalAttendances.meetingId, personName: externalAttendances.personName, organizationName: organizations.name })
    .from(externalAttendances)
    .innerJoin(externalMeetings, eq(externalMeetings.id, externalAttendances.meetingId))
    .innerJoin(organizations, eq(organizations.id, externalAttendances.organizationId))
    .where(eq(externalMeetings.roundId, roundId))
    .orderBy(asc(organizations.name), asc(externalAttendances.personName));
  return meetings.map((m) => ({ ...m, attendees: attendees.filter((a) => a.meetingId === m.id) }));
}

async function meetingOf(db: Database, roundId: string, meetingId: string) {
  if (!z.uuid().safeParse(meetingId).success) throw new NotFound('meeting');
  const [meeting] = await db.select().from(externalMeetings).where(and(eq(externalMeetings.id, meetingId), eq(externalMeetings.roundId, roundId)));
  if (!meeting) throw new NotFound('meeting');
  return meeting;
}

/** One attendee, added by hand: the organization is picked from the invited ones. */
export async function addAttendee(db: Database, roundId: string, input: { meetingId: string; organizationId: string; personName: string }, actorId: string) {
  const meeting = await meetingOf(db, roundId, input.meetingId);
  const personName = input.personName.trim();
  if (personName === '' || personName.length > 200) throw new InvalidInput({ personName: 'participation.errors.personName' });
  const invited = await invitedOrganizations(db, roundId);
  if (!invited.some((o) => o.id === input.organizationId)) throw new InvalidInput({ organizationId: 'participation.errors.notInvited' });
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(externalAttendances)
      .values({ meetingId: meeting.id, organizationId: input.organizationId, personName, createdById: actorId })
      .onConflictDoNothing()
      .returning({ id: externalAttendances.id });
    if (inserted.length === 0) throw new InvalidInput({ personName: 'participation.errors.alreadyRecorded' });
    await recordAudit(tx, { actorId, action: 'meeting-recorded', subject: `round:${roundId}`, details: { meetingId: meeting.id, organizationId: input.organizationId, personName } });
  });
}

async function invitedOrganizations(db: Database, roundId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
    .from(roundOrganizations)
    .innerJoin(organizations, eq(organizations.id, roundOrganizations.organizationId))
    .where(eq(roundOrganizations.roundId, roundId));
}

export type ImportProblem =
  | 'not-utf8'
  | 'missing-organization'
  | 'missing-name'
  | 'unknown-organization'
  | 'not-invited'
  | 'duplicate'
  | 'already-recorded'
  | 'too-long';

export interface ImportReport {
  /** Rows that matched an invited organization. */
  matched: number;
  imported: number;
  problems: { line: number; problem: ImportProblem; value: string; duplicateOf?: number }[];
  /** A problem with the file as a whole (no header, no rows): a message key. */
  fileError: string | null;
}

/** Where the file's columns are: the organization (name or acronym), the person's name, an optional email. */
function columnsOf(header: string[]) {
  const find = (...names: string[]) => header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  return {
    organization: find('organization', 'organisation', 'organización', 'organizacion', 'ngo', 'ong'),
    name: find('name', 'nom', 'nombre', 'person', 'attendee'),
    email: find('email', 'e-mail', 'courriel', 'correo'),
  };
}

/**
 * Imports a CSV of attendees of a meeting held elsewhere. Each row names an organization (by name
 * or acronym; an email of a registered person also identifies their organization) and a person.
 * A file with any problem row imports nothing unless `importMatching` is set; then the rows that
 * match are imported and the others reported. Either way, every problem row is reported.
 */
export async function importAttendees(
  db: Database,
  roundId: string,
  meetingId: string,
  bytes: Uint8Array,
  options: { importMatching: boolean; actorId: string },
): Promise<ImportReport> {
  const meeting = await meetingOf(db, roundId, meetingId);
  const report: ImportReport = { matched: 0, imported: 0, problems: [], fileError: null };
  const lines = readCsv(bytes).filter((l) => l.fields === null || l.fields.some((f) => f !== ''));
  const headerLine = lines.shift();
  if (!headerLine || headerLine.fields === null) return { ...report, fileError: headerLine ? 'participation.import.headerNotUtf8' : 'participation.import.empty' };
  const columns = columnsOf(headerLine.fields);
  if (columns.organization < 0 || columns.name < 0) return { ...report, fileError: 'participation.import.noColumns' };
  if (lines.length === 0) return { ...report, fileError: 'participation.import.noRows' };

  const invited = await invitedOrganizations(db, roundId);
  const byName = new Map<string, (typeof invited)[number]>();
  for (const o of invited) {
    byName.set(o.name.toLowerCase(), o);
    if (o.acronym) byName.set(o.acronym.toLowerCase(), o);
  }
  const known = await db.select({ name: organizations.name, acronym: organizations.acronym }).from(organizations);
  const knownNames = new Set(known.flatMap((o) => [o.name.toLowerCase(), ...(o.acronym ? [o.acronym.toLowerCase()] : [])]));
  const emails = columns.email >= 0 ? lines.map((l) => l.fields?.[columns.email]?.toLowerCase()).filter((e): e is string => !!e) : [];
  const people = emails.length
    ? await db.select({ email: users.email, organizationId: users.organizationId }).from(users).where(inArray(users.email, emails))
    : [];
  const already = new Set(
    (await db.select({ organizationId: externalAttendances.organizationId, personName: externalAttendances.personName }).from(externalAttendances).where(eq(externalAttendances.meetingId, meeting.id))).map(
      (a) => `${a.organizationId}/${a.personName.toLowerCase()}`,
    ),
  );

  const seen = new Map<string, number>();
  const rows: { organizationId: string; personName: string }[] = [];
  for (const { line, fields } of lines) {
    if (fields === null) {
      report.problems.push({ line, problem: 'not-utf8', value: '' });
      continue;
    }
    const organizationText = fields[columns.organization] ?? '';
    const personName = fields[columns.name] ?? '';
    const email = columns.email >= 0 ? (fields[columns.email] ?? '').toLowerCase() : '';
    if (personName === '') {
      report.problems.push({ line, problem: 'missing-name', value: organizationText });
      continue;
    }
    if (personName.length > 200 || organizationText.length > 300) {
      report.problems.push({ line, problem: 'too-long', value: personName.slice(0, 60) });
      continue;
    }
    const byEmail = email ? people.find((p) => p.email === email)?.organizationId : undefined;
    const organization = byName.get(organizationText.toLowerCase()) ?? invited.find((o) => o.id === byEmail);
    if (!organization) {
      if (organizationText === '' && !byEmail) report.problems.push({ line, problem: 'missing-organization', value: personName });
      else if (knownNames.has(organizationText.toLowerCase()) || byEmail) report.problems.push({ line, problem: 'not-invited', value: organizationText || email });
      else report.problems.push({ line, problem: 'unknown-organization', value: organizationText });
      continue;
    }
    const key = `${organization.id}/${personName.toLowerCase()}`;
    if (seen.has(key)) {
      report.problems.push({ line, problem: 'duplicate', value: personName, duplicateOf: seen.get(key)! });
      continue;
    }
    seen.set(key, line);
    if (already.has(key)) {
      report.problems.push({ line, problem: 'already-recorded', value: personName });
      continue;
    }
    rows.push({ organizationId: organization.id, personName });
  }
  report.matched = rows.length;
  if (report.problems.length > 0 && !options.importMatching) return report;
  if (rows.length > 0) {
    await db.transaction(async (tx) => {
      await tx
        .insert(externalAttendances)
        .values(rows.map((r) => ({ meetingId: meeting.id, ...r, createdById: options.actorId })))
        .onConflictDoNothing();
      await recordAudit(tx as unknown as Database, {
        actorId: options.actorId,
        action: 'attendance-imported',
        subject: `round:${roundId}`,
        details: { meetingId: meeting.id, imported: rows.length, problems: report.problems.length },
      });
    });
  }
  report.imported = rows.length;
  return report;
}

const correctionInput = z.object({
  organizationId: z.uuid('participation.errors.organization'),
  figure: z.enum(figures, { message: 'participation.errors.figure' }),
  // Empty: an annotation that changes nothing.
  value: z
    .string()
    .trim()
    .regex(/^(\d{1,7})?$/, 'participation.errors.value')
    .transform((v) => (v === '' ? null : Number(v))),
  note: z.string().trim().min(1, 'participation.errors.noteRequired').max(1000, 'participation.errors.noteTooLong'),
});

/** Annotates or corrects one figure of an organization's row; the derived figure stays as it is. */
export async function correctFigure(db: Database, roundId: string, input: unknown, actorId: string, original: (organizationId: string, figure: Figure) => Promise<number | null>) {
  const parsed = correctionInput.safeParse(input);
  if (!parsed.success) throw new InvalidInput(fieldErrors(parsed.error));
  const { organizationId, figure, value, note } = parsed.data;
  const derived = await original(organizationId, figure);
  if (derived === null) throw new InvalidInput({ organizationId: 'participation.errors.notInvited' });
  await db.transaction(async (tx) => {
    await tx.insert(participationCorrections).values({ roundId, organizationId, figure, value, note, createdById: actorId });
    await recordAudit(tx, {
      actorId,
      action: 'participation-corrected',
      subject: `organization:${organizationId}`,
      details: { roundId, figure, derived, value, note },
    });
  });
}
