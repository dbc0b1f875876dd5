/**
 * A server process for the crash tests: the platform without pages (web: 'none') on the
 * database named by DATABASE_URL or DATA_DIR, seeded with the demo data. Prints one JSON line:
 * its address, a session cookie for observer1 and the document name of La Strada Ukraine's paper.
 */
import { and, eq } from 'drizzle-orm';
import { positionPapers, users } from '../../db/schema.ts';
import { createSession } from '../../domain/auth/sessions.ts';
import { paperDocumentName } from '../../domain/papers.ts';
import { loadConfig } from '../../server/config.ts';
import { createPlatform } from '../../server/platform.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
const platform = await createPlatform({ config, web: 'none' });
const base = await platform.listen(config.port, '127.0.0.1');
const { db } = platform.services;
const [olena] = await db.select().from(users).where(eq(users.email, 'observer1@example.org'));
const [paper] = await db.select().from(positionPapers).where(and(eq(positionPapers.organizationId, olena!.organizationId!)));
const { token } = await createSession(db, olena!.id, config.sessionTimeouts);
console.log(JSON.stringify({ base, cookie: `idm_session=${token}`, documentName: paperDocumentName(paper!.id) }));
