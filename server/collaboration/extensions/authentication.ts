/**
 * Who may open a document, decided by `can` (domain/collaboration/documents.ts): members of the
 * organization edit its draft while the round takes positions and read it otherwise; IOM staff
 * write a session's notes until it closes; nobody else opens them. The person was identified
 * at the upgrade (server/collaboration/index.ts); here only the document is judged.
 */
import type { beforeHandleMessagePayload, Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { recordAudit } from '../../../domain/audit.ts';
import { accessTo, documentResource } from '../../../domain/collaboration/documents.ts';
import { describeResource } from '../../../domain/permissions.ts';
import type { Services } from '../../services.ts';
import type { CollaborationContext } from '../index.ts';

/** Reasons sent to the browser, which shows them in words. */
export const refusals = { unknownDocument: 'unknown-document', forbidden: 'forbidden' } as const;

/** Hocuspocus sends `reason` to the provider as the cause of `authenticationFailed`. */
function refusal(reason: string) {
  return Object.assign(new Error(reason), { reason });
}

/** How long a document's facts (a round's phase, a session's status) are trusted before they are read again. */
const factsTtlMs = 2000;

export function authentication(services: Pick<Services, 'db'>): Extension & { forgetFacts(): void } {
  const facts = new Map<string, { at: number; found: ReturnType<typeof documentResource> }>();
  const factsOf = (documentName: string) => {
    const cached = facts.get(documentName);
    if (cached && Date.now() - cached.at < factsTtlMs) return cached.found;
    const found = documentResource(services.db, documentName).catch(() => null);
    facts.set(documentName, { at: Date.now(), found });
    if (facts.size > 1000) facts.delete(facts.keys().next().value!);
    return found;
  };
  return {
    extensionName: 'authentication',
    /** A round changed (its deadline, its phase, a publication): its documents' facts are read again at the next message. */
    forgetFacts: () => facts.clear(),
    /**
     * The right to write is asked again on every message of a writing connection: when the
     * deadline passes, the round leaves its open phase or the session closes while the document
     * is open, the connection becomes read-only at once (this message included) and the editor
     * is told why.
     */
    async beforeHandleMessage({ connection, documentName, context }: beforeHandleMessagePayload) {
      if (connection.readOnly) return;
      const found = await factsOf(documentName);
      if (!found) return;
      const { user } = context as CollaborationContext;
      const access = accessTo(user, found);
      if (access === 'write') return;
      connection.readOnly = true;
      (context as CollaborationContext).editClosed = true;
      connection.sendStateless(JSON.stringify({ type: 'read-only', reason: access === 'read' ? 'edit-closed' : 'forbidden' }));
    },
    async onAuthenticate({ documentName, context, connectionConfig }: onAuthenticatePayload) {
      const { user } = context as CollaborationContext;
      const found = await documentResource(services.db, documentName).catch(() => null);
      if (!found) throw refusal(refusals.unknownDocument);
      const access = accessTo(user, found);
      if (access === 'write') return;
      if (access === 'read') {
        connectionConfig.readOnly = true;
        return;
      }
      await recordAudit(services.db, {
        action: 'permission-refused',
        actorId: user.id,
        subject: describeResource(found.resource),
        details: { action: found.read, via: 'collab' },
      });
      throw refusal(refusals.forbidden);
    },
  };
}
