/**
 * Which shared documents exist and who may write or read them, by name: `paper.<paperId>` (a
 * position paper: its organization's members), `session-notes.<sessionId>` (the notes of a
 * live session: IOM staff) and `summary.<roundId>` (a round's summary: the secretariat writes,
 * IOM staff read). The collaboration server asks this, and only this.
 */
import { z } from 'zod';
import { NotFound } from '../errors.ts';
import { getPaper, paperResource } from '../papers.ts';
import { can, type Actor, type Resource } from '../permissions.ts';
import { getSession, sessionResource } from '../sessions/sessions.ts';
import type { Database } from '../../db/client.ts';
import { getRound } from '../rounds.ts';
import { publishedSummary } from '../summary/summaries.ts';

export type Access = 'write' | 'read' | 'none';

export function sessionNotesDocumentName(sessionId: string) {
  return `session-notes.${sessionId}`;
}

/** The kinds of shared documents: the access table (docs/security.md) lists each one. */
export const documentKinds = ['paper', 'session-notes', 'summary'] as const;

/** Null for what does not exist; anything else (the database cannot answer) is thrown. */
const orNull = (error: unknown) => {
  if (error instanceof NotFound) return null;
  throw error;
};

/**
 * What `can` is asked about for a document, or null when no such document exists. Throws when
 * the facts cannot be read (the database is away): callers refuse then, they never guess.
 */
export async function documentResource(db: Database, documentName: string): Promise<{ resource: Resource; write: string; read: string } | null> {
  const [kind, id] = documentName.split(/\.(.*)/s);
  if (!id || !z.uuid().safeParse(id).success) return null;
  if (kind === 'paper') {
    const found = await getPaper(db, id).catch(orNull);
    // A joint paper's co-signers read it, and write it when the round lets them.
    return found && { resource: paperResource(found), write: 'edit-draft', read: 'read-draft' };
  }
  if (kind === 'session-notes') {
    const found = await getSession(db, id).catch(orNull);
    // IOM staff write the notes while the session is not closed, and read them after.
    return found && { resource: sessionResource(found.session, found.facts), write: 'edit-notes', read: 'read-notes' };
  }
  if (kind === 'summary') {
    const found = await getRound(db, id).catch(orNull);
    if (!found) return null;
    const published = (await publishedSummary(db, id)) !== null;
    return { resource: { type: 'summary', round: found.facts, published }, write: 'edit', read: 'read-draft' };
  }
  return null;
}

export function accessTo(actor: Actor, found: { resource: Resource; write: string; read: string }): Access {
  const ask = (action: string) => can(actor, action as never, found.resource as never);
  if (ask(found.write)) return 'write';
  return ask(found.read) ? 'read' : 'none';
}
