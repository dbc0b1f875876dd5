/**
 * At most so many documents open at once per person, and none on a socket over the person's limit
 * of co-editing sockets (server/connection-limits.ts). Placed after the authentication extension,
 * so only documents the person may open take a place; a place is given back when the document's
 * connection closes, or with the whole socket.
 */
import type { Extension, onAuthenticatePayload, onDisconnectPayload } from '@hocuspocus/server';
import { tooManyConnections, type PerPersonCounter } from '../../connection-limits.ts';
import type { CollaborationContext } from '../index.ts';

export function documentLimit(documents: PerPersonCounter): Extension {
  return {
    extensionName: 'document-limit',
    async onAuthenticate({ context, documentName }: onAuthenticatePayload) {
      const { user, openDocuments, overLimit } = context as CollaborationContext;
      if (overLimit) throw Object.assign(new Error(tooManyConnections), { reason: tooManyConnections });
      if (!openDocuments || openDocuments.has(documentName)) return;
      const release = documents.take(user.id);
      if (!release) throw Object.assign(new Error(tooManyConnections), { reason: tooManyConnections });
      openDocuments.set(documentName, release);
    },
    async onDisconnect({ context, documentName }: onDisconnectPayload) {
      const { openDocuments } = context as CollaborationContext;
      openDocuments?.get(documentName)?.();
      openDocuments?.delete(documentName);
    },
  };
}
