/**
 * A server process for the crash tests: the platform without pages (web: 'none') on the
 * database named by DATABASE_URL or DATA_DIR, seeded with the demo data. Prints one JSON line:
 * its address, session cookies for observer1 and observer2 (La Strada Ukraine) and the facilitator, the document
 * name of La Strada Ukraine's paper, and an open live session of a round La Strada is invited to
 * (made on the first start).
 */
import { and, eq } from 'drizzle-orm';
import { consultationRounds, consultationSessions, positionPapers, users } from '../../db/schema.ts';
import { createSession } from '../../domain/auth/sessions.ts';
import { paperDocumentName } from '../../domain/papers.ts';
import { createRound } from '../../domain/rounds.ts';
import { openSession, scheduleSession, sessionSchema } from '../../domain/sessions/sessions.ts';
import { loadConfig } from '../../server/config.ts';
import { createPlatform } from '../../server/platform.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
const platform = await createPlatform({ config, web: 'none' });
const base = await platform.listen(config.port, '127.0.0.1');
const { db } = platform.services;
const person = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!;
const olena = await person('observer1@example.org');
const taras = await person('observer2@example.org');
const facilitator = await person('facilitator@example.org');
const [paper] = await db.select().from(positionPapers).where(and(eq(positionPapers.organizationId, olena.organizationId!)));

const title = 'Crash test: a live session';
let [round] = await db.select().from(consultationRounds).where(eq(consultationRounds.title, title));
let sessionId: string;
if (!round) {
  round = await createRound(db, { title, framing: '', areas: [], phase: 'sessions', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [olena.organizationId!] }, facilitator.id);
  const actor = { id: facilitator.id, role: facilitator.role, organizationId: null, isRepresentative: false };
  const session = await scheduleSession(db, actor, round.id, sessionSchema.parse({ title, startsAt: new Date().toISOString(), agenda: 'Opening' }));
  await openSession(db, actor, session.id);
  sessionId = session.id;
} else {
  sessionId = (await db.select().from(consultationSessions).where(eq(consultationSessions.roundId, round.id)))[0]!.id;
}

const cookie = async (userId: string) => `idm_session=${(await createSession(db, userId, config.sessionTimeouts)).token}`;
console.log(JSON.stringify({ base, cookie: await cookie(olena.id), cookies: { observer1: await cookie(olena.id), observer2: await cookie(taras.id), facilitator: await cookie(facilitator.id) }, documentName: paperDocumentName(paper!.id), sessionId }));

// A clean shutdown on SIGTERM, as server/index.ts does (benchmarks stop servers this way).
process.once('SIGTERM', async () => {
  await platform.close();
  process.exit(0);
});
