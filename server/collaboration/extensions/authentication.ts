/**
 * Who may open a document, decided by `can` (domain/collaboration/documents.ts): members of the
 * organization edit its draft while the round takes positions and read it otherwise; IOM staff
 * write a session's notes until it closes; the secretariat writes a round's summary; nobody else
 * opens them. The socket was authenticated at the upgrade (server/collaboration/index.ts); each
 * document opened reads the person again from the database, so a socket cannot carry rights
 * its person has lost.
 *
 * Revocation: `judgeAgain` re-reads the person and every document they have open on a socket
 * and closes or downgrades at once (signed out: the socket closes with 4401; may no longer read:
 * the document closes; may no longer write: it becomes read-only). It runs when a person's
 * access changes (the access event), and on a writing connection at least every 10 s (in case
 * an event was missed: another node). While it runs, that socket's messages wait; none is
 * applied on facts that are no longer true. When the facts cannot be read, it fails closed.
 */
import type { beforeHandleMessagePayload, Connection, Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { recordAudit } from '../../../domain/audit.ts';
import { findSession } from '../../../domain/auth/sessions.ts';
import { accessTo, documentResource } from '../../../domain/collaboration/documents.ts';
import { describeResource } from '../../../domain/permissions.ts';
import type { User } from '../../../db/schema.ts';
import type { Services } from '../../services.ts';
import type { CollaborationContext, SocketLink } from '../index.ts';

/** Reasons sent to the browser, which shows them in words. */
export const refusals = { unknownDocument: 'unknown-document', forbidden: 'forbidden', signedOut: 'signed-out', unavailable: 'unavailable' } as const;

/** Close codes of a socket (or a document on it) whose person lost access, or whose facts could not be read. */
export const revocationClose = {
  signedOut: { code: 4401, reason: 'signed-out' },
  forbidden: { code: 4403, reason: 'forbidden' },
  unavailable: { code: 4503, reason: 'unavailable' },
} as const;

/**
 * Hocuspocus sends `reason` to the provider as the cause of `authenticationFailed`. The message
 * is empty on purpose: Hocuspocus logs every hook error that has one, and a refusal is not an
 * error (it is audited, and the editor says it in words).
 */
function refusal(reason: string) {
  return Object.assign(new Error(''), { reason });
}

/** How long a document's facts (a round's phase, a session's status) are trusted before they are read again. */
const factsTtlMs = 2000;
/** How long a person's facts (session, role, organization) are trusted on a writing connection. */
export const personTtlMs = 10_000;

type Found = Awaited<ReturnType<typeof documentResource>>;

export interface AuthenticationExtension extends Extension {
  /** A round changed (its deadline, its phase, a publication): its documents' facts are read again at the next message. */
  forgetFacts(): void;
  /** Judges a socket's person and every document they have open on it again, from the database. */
  judgeAgain(context: CollaborationContext): Promise<void>;
}

export function authentication(
  services: Pick<Services, 'db'>,
  connectionsOf: (link: SocketLink) => Connection[],
): AuthenticationExtension {
  const facts = new Map<string, { at: number; found: Promise<Found> }>();
  const factsOf = (documentName: string, fresh = false): Promise<Found> => {
    const cached = facts.get(documentName);
    if (cached && !fresh && Date.now() - cached.at < factsTtlMs) return cached.found;
    const found = documentResource(services.db, documentName);
    facts.set(documentName, { at: Date.now(), found });
    // A failed read is not kept: the next message asks again.
    found.catch(() => facts.get(documentName)?.found === found && facts.delete(documentName));
    if (facts.size > 1000) facts.delete(facts.keys().next().value!);
    return found;
  };

  /** The person as they are now: their facts are updated in place (every document's context shares them). */
  const refresh = (context: CollaborationContext, user: User) => {
    Object.assign(context.user, { role: user.role, organizationId: user.organizationId, isRepresentative: user.isRepresentative, name: user.name });
    context.link.checkedAt = Date.now();
  };

  const failClosed = (link: SocketLink) => {
    for (const connection of connectionsOf(link)) connection.readOnly = true;
    link.ws.close(revocationClose.unavailable.code, revocationClose.unavailable.reason);
  };

  async function judge(context: CollaborationContext) {
    const { link } = context;
    let person: Awaited<ReturnType<typeof findSession>>;
    try {
      person = await findSession(services.db, context.sessionId);
    } catch {
      return failClosed(link);
    }
    const connections = connectionsOf(link);
    if (!person) {
      for (const connection of connections) {
        connection.readOnly = true;
        connection.sendStateless(JSON.stringify({ type: 'read-only', reason: refusals.signedOut }));
      }
      link.ws.close(revocationClose.signedOut.code, revocationClose.signedOut.reason);
      return;
    }
    refresh(context, person.user);
    for (const connection of connections) {
      let found: Found;
      try {
        found = await factsOf(connection.document.name, true);
      } catch {
        return failClosed(link);
      }
      const access = found ? accessTo(context.user, found) : 'none';
      if (access === 'write') continue;
      if (access === 'none') {
        connection.readOnly = true;
        connection.sendStateless(JSON.stringify({ type: 'read-only', reason: refusals.forbidden }));
        connection.close(revocationClose.forbidden);
      } else if (!connection.readOnly) {
        connection.readOnly = true;
        (connection.context as CollaborationContext).editClosed = true;
        connection.sendStateless(JSON.stringify({ type: 'read-only', reason: 'access-changed' }));
      }
    }
  }

  const extension: AuthenticationExtension = {
    extensionName: 'authentication',
    forgetFacts: () => facts.clear(),

    judgeAgain(context) {
      const { link } = context;
      // One judgement at a time per socket; messages wait for it (beforeHandleMessage).
      if (!link.recheck) link.recheck = judge(context).finally(() => (link.recheck = null));
      return link.recheck;
    },

    /**
     * The right to write is asked again on every message of a writing connection: when the
     * deadline passes, the round leaves its open phase or the session closes while the document
     * is open, the connection becomes read-only at once (this message included) and the editor
     * is told why. Facts that cannot be read close the socket: nothing is written on a guess,
     * and the editor reconnects (and resends) once the database answers again.
     */
    async beforeHandleMessage({ connection, documentName, context }: beforeHandleMessagePayload) {
      const ctx = context as CollaborationContext;
      if (ctx.link.recheck) await ctx.link.recheck;
      if (connection.readOnly) return;
      if (Date.now() - ctx.link.checkedAt > personTtlMs) {
        await extension.judgeAgain(ctx);
        if (connection.readOnly) return;
      }
      let found: Found;
      try {
        found = await factsOf(documentName);
      } catch {
        return failClosed(ctx.link);
      }
      const access = found ? accessTo(ctx.user, found) : 'none';
      if (access === 'write') return;
      connection.readOnly = true;
      ctx.editClosed = true;
      connection.sendStateless(JSON.stringify({ type: 'read-only', reason: access === 'read' ? 'edit-closed' : 'forbidden' }));
    },

    async onAuthenticate({ documentName, context, connectionConfig }: onAuthenticatePayload) {
      const ctx = context as CollaborationContext;
      let person: Awaited<ReturnType<typeof findSession>>;
      let found: Found;
      try {
        person = await findSession(services.db, ctx.sessionId);
        if (!person) throw refusal(refusals.signedOut);
        refresh(ctx, person.user);
        found = await documentResource(services.db, documentName);
      } catch (error) {
        if ((error as { reason?: string }).reason) throw error;
        // The facts cannot be read: the socket closes, and the editor reconnects (and resends) later.
        ctx.link.ws.close(revocationClose.unavailable.code, revocationClose.unavailable.reason);
        throw refusal(refusals.unavailable);
      }
      if (!found) throw refusal(refusals.unknownDocument);
      const access = accessTo(ctx.user, found);
      if (access === 'write') return;
      if (access === 'read') {
        connectionConfig.readOnly = true;
        return;
      }
      await recordAudit(services.db, {
        action: 'permission-refused',
        actorId: ctx.user.id,
        subject: describeResource(found.resource),
        details: { action: found.read, via: 'collab' },
      });
      throw refusal(refusals.forbidden);
    },
  };
  return extension;
}
