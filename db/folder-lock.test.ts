/** Two processes on one embedded database folder: the second stops with a clear message. */
import { describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { acquireFolderLock, FolderLockedError } from './folder-lock.ts';

const run = promisify(execFile);

describe('the lock on the embedded database folder', () => {
  it('stops a second process on the same folder with a message that says what to do', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-lock-'));
    const lock = acquireFolderLock(folder);
    const script = `import('./db/client.ts').then(m => m.openDatabase({ dataDir: ${JSON.stringify(folder)} })).then(() => { console.log('opened'); process.exit(0) }, (e) => { console.log(e.message); process.exit(3) })`;
    const result = await run(process.execPath, ['--import', 'tsx', '-e', script], { cwd: process.cwd() }).catch((e) => e);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/already in use by process \d+/);
    expect(result.stdout).toMatch(/DATA_DIR/);
    lock.release();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-lock-'));
    fs.writeFileSync(path.join(folder, 'idm-consult.lock'), '999999');
    const lock = acquireFolderLock(folder);
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'idm-consult.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(fs.existsSync(path.join(folder, 'idm-consult.lock'))).toBe(false);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a lock held by a live process', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-lock-'));
    fs.writeFileSync(path.join(folder, 'idm-consult.lock'), String(process.ppid));
    expect(() => acquireFolderLock(folder)).toThrow(FolderLockedError);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('is not fooled when the process id in a crashed lock now belongs to an unrelated process', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-lock-'));
    // A process that has nothing to do with us, alive, holding the id a crashed server left behind.
    const unrelated = spawn('sleep', ['30']);
    await new Promise((r) => unrelated.once('spawn', r));
    try {
      // Left by a server that started at another time (its start time differs)…
      fs.writeFileSync(path.join(folder, 'idm-consult.lock'), JSON.stringify({ pid: unrelated.pid, started: '1', host: os.hostname() }));
      acquireFolderLock(folder).release();
      // …or by an older version that wrote the id alone: a process that is not Node is not ours.
      fs.writeFileSync(path.join(folder, 'idm-consult.lock'), String(unrelated.pid));
      const lock = acquireFolderLock(folder);
      expect(JSON.parse(fs.readFileSync(path.join(folder, 'idm-consult.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
      lock.release();
    } finally {
      unrelated.kill();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
