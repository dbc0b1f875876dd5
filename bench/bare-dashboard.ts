/**
 * The baseline for the dashboard figure: a bare Express route making the same queries as the
 * signed-in dashboard (the session lookup, then the dashboard's own), answering JSON. No Remix,
 * no rendering, no security middleware: what the database work alone costs.
 */
import express from 'express';
import { openDatabase } from '../db/client.ts';
import { validateSessionToken } from '../domain/auth/sessions.ts';
import { dashboardFor } from '../domain/dashboard.ts';
import { parseCookies, sessionCookieName } from '../server/cookies.ts';
import { loadConfig } from '../server/config.ts';

const config = loadConfig(process.env);
const handle = await openDatabase(config);
const app = express();
app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
app.get('/', async (req, res) => {
  const token = parseCookies(req.headers.cookie)[sessionCookieName] ?? '';
  const session = await validateSessionToken(handle.db, token, config.sessionTimeouts);
  if (!session) return res.status(401).end();
  res.json(await dashboardFor(handle.db, session.user));
});
const server = app.listen(config.port, '127.0.0.1', () => console.log(`bare dashboard on ${config.port}`));
process.once('SIGTERM', () => server.close(() => handle.close().then(() => process.exit(0))));
