/**
 * Hocuspocus lets a read-only connection broadcast awareness (carets, names). A reader has no
 * caret to show: a read-only connection that sends awareness is closed. A member whose
 * connection became read-only while open (the deadline passed) is not closed for the presence
 * their editor still sends until it reopens as a reader.
 */
import type { beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { CollaborationContext } from '../index.ts';

const awarenessMessage = 1;

export function readOnlyPresence(log: (message: string) => void): Extension {
  return {
    extensionName: 'read-only-presence',
    async beforeHandleMessage({ connection, update, documentName, context }: beforeHandleMessagePayload) {
      if (!connection.readOnly || (context as CollaborationContext).editClosed) return;
      const decoder = decoding.createDecoder(update);
      decoding.readVarString(decoder); // the document name
      if (decoding.readVarUint(decoder) === awarenessMessage) {
        log(`closed a read-only connection to ${documentName} that broadcast presence`);
        throw new Error('read-only connections may not broadcast presence');
      }
    },
  };
}
