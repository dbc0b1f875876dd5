/**
 * A lock file for the embedded database folder. PGlite takes no lock of its own and two
 * processes on one folder corrupt it, so the second process must stop with a clear message.
 *
 * The lock names its holder by process id AND the time that process started (from /proc on
 * Linux), so that a lock left by a crash is never mistaken for a live one when the system has
 * since given the same process id to an unrelated process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FolderLock {
  release(): void;
}

/** What the lock file holds. */
interface Holder {
  pid: number;
  /** When the process started, in clock ticks since boot (/proc/<pid>/stat, field 22); null where unknown. */
  started: string | null;
  host: string;
}

export class FolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in "${folder}" is already in use by process ${holderPid}. ` +
        `Stop that process first, or set DATA_DIR to another folder (or DATABASE_URL to a Postgres server).`,
    );
    this.name = 'FolderLockedError';
  }
}

export function acquireFolderLock(folder: string): FolderLock {
  const lockPath = path.join(folder, 'idm-consult.lock');
  const me: Holder = { pid: process.pid, started: processStart(process.pid), host: os.hostname() };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === content) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid !== process.pid && holdsIt(holder)) throw new FolderLockedError(folder, holder.pid);
      // The process that held it is gone (a crash), or its id now names another process: stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${lockPath}`);
}

function readHolder(lockPath: string): Holder | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8').trim();
  } catch {
    return null;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text), started: null, host: os.hostname() }; // written by an older version
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, started: parsed.started ?? null, host: parsed.host ?? os.hostname() } : null;
  } catch {
    return null; // unreadable: nobody can be shown to hold it
  }
}

/** Whether the process the lock names is still the one that wrote it. */
function holdsIt(holder: Holder): boolean {
  // Another machine's process (a shared folder) cannot be checked from here: assume it is alive.
  if (holder.host !== os.hostname()) return true;
  if (!isAlive(holder.pid)) return false;
  const started = processStart(holder.pid);
  if (holder.started && started) return holder.started === started;
  // No start time to compare (an older lock, or no /proc): only a Node process can be ours.
  const command = processCommand(holder.pid);
  return command === null || /node/.test(command);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The start time of a process in clock ticks since boot (Linux), or null where /proc is absent. */
function processStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 of the whole line
  } catch {
    return null;
  }
}

function processCommand(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return null;
  }
}
