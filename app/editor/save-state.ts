/**
 * What the save indicator needs beyond the provider's own events: "not saved yet" when the
 * server says it cannot store (`{"type":"storage","state":"failing"}`) or when a flush goes
 * unanswered for a few seconds, and a warning before the tab closes with changes the server has
 * not stored (they live only in this tab until then).
 */
import { useEffect, useRef } from 'react';

/** A flush unanswered this long means the changes are not stored yet: say so. */
export const notStoredAfterMs = 4000;

export interface StorageWatch {
  /** A flush went out: start waiting for its answer. */
  flushSent(): void;
  /** The answer came. */
  stored(): void;
  /** A stateless message from the server; true when it was about storage. */
  message(message: { type?: string; state?: string }): boolean;
  dispose(): void;
}

/** Calls `onNotStored` when storage fails on the server or a flush is not answered in time. */
export function watchStorage(onNotStored: () => void): StorageWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    flushSent() {
      clearTimeout(timer);
      timer = setTimeout(onNotStored, notStoredAfterMs);
    },
    stored() {
      clearTimeout(timer);
    },
    message(message) {
      if (message.type !== 'storage') return false;
      if (message.state === 'failing') onNotStored();
      return true;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

/** Asks the browser to confirm leaving the page while `unsaved()` is true. */
export function useLeaveWarning(unsaved: () => boolean) {
  const check = useRef(unsaved);
  check.current = unsaved;
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!check.current()) return;
      event.preventDefault();
      // Browsers show their own words; older ones need returnValue set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
}
