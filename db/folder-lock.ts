/**
 * A lock file for the embedded database folder. PGlite takes no lock of its own and two
 * processes on one folder corrupt it, so the second process must stop with a clear message.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FolderLock {
  release(): void;
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
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new FolderLockedError(folder, holder);
      }
      // The process that held it is gone (a crash): the lock is stale, take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
