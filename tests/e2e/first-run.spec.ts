/**
 * The README's first command, as a newcomer runs it: `npm install && npm start` in a fresh
 * copy of the project, with no variable of ours set, then a sign-in with an account the server
 * printed.
 *
 * How it isolates itself: the copy holds the project's files as git lists them (tracked and
 * new files, nothing ignored), so it has no `.data`, no `build` and no `node_modules`: the
 * install, the build and the embedded database are all fresh. The environment is the test
 * runner's without anything this project reads (DATABASE_URL, DATA_DIR, DEMO_SEED, NODE_ENV,
 * APP_ORIGIN, …) and without npm's own `npm_*` variables, as in a new terminal. One thing is
 * set: PORT, to a port the system gives as free, because the default 3000 may be taken by
 * another server on this machine; the test then follows the address the server printed.
 */
import { expect, test } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/ports.ts';

const readme = fs.readFileSync('README.md', 'utf8');
let copy = '';
let child: ChildProcess | undefined;
let output = '';

/** The environment of a new terminal: nothing the project or npm's own run would have set. */
function newcomerEnvironment(port: number): Record<string, string | undefined> {
  const ours = ['DATABASE_URL', 'DATA_DIR', 'DEMO_SEED', 'NODE_ENV', 'APP_ORIGIN', 'PORT', 'HOST', 'SMTP_URL', 'MAIL_FROM', 'E2E_PORT', 'SESSION_IDLE_TIMEOUT', 'SESSION_ABSOLUTE_TIMEOUT', 'BODY_LIMIT', 'INIT_CWD'];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !ours.includes(name) && !/^npm_/i.test(name)));
  return { ...env, PORT: String(port) };
}

test.beforeAll(async () => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-first-run-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!fs.existsSync(file)) continue; // deleted in the working tree, not yet committed
    fs.mkdirSync(path.join(copy, path.dirname(file)), { recursive: true });
    fs.copyFileSync(file, path.join(copy, file));
  }
});

test.afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM'); // the whole group: sh, npm, the server
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

test("the README's first command gives a demo one can sign in to, with a clean output", async ({ page }) => {
  // Install (~30 s), build and first start on two busy cores.
  test.setTimeout(480_000);
  const command = readme.match(/```sh\n([^\n#]+?)\s+#/)?.[1];
  expect(command, 'the first command of the README').toBe('npm install && npm start');
  expect(fs.existsSync(path.join(copy, '.data')) || fs.existsSync(path.join(copy, 'node_modules')) || fs.existsSync(path.join(copy, 'build'))).toBe(false);

  const started = spawn('sh', ['-c', command!], { cwd: copy, env: newcomerEnvironment(await freePort()) as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  started.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await expect
    .poll(() => (started.exitCode !== null ? `exited with ${started.exitCode}:\n${output}` : /is ready/.test(output) && output.split('is ready')[1]!.split('\n').length > 3), { timeout: 420_000, intervals: [1000] })
    .toBe(true);

  // A clean first run: nothing a newcomer would take for a failure.
  expect(output).not.toMatch(/npm warn|npm WARN|install-scripts|allowScripts/);
  expect(output).not.toMatch(/annotation that Rollup cannot interpret|Generated an empty chunk/);

  // Three lines: where to go, who to sign in as, what was added and how to stop.
  const start = output.slice(output.indexOf('IDM Consult is ready')).trimEnd().split('\n');
  expect(start).toHaveLength(3);
  const address = start[0]!.match(/open (http:\/\/\S+) in a browser/)?.[1];
  expect(address).toBeTruthy();
  expect(start[0]).toContain('the embedded database in .data');
  const password = start[1]!.match(/password "([^"]+)"/)?.[1];
  const accounts = [...start[1]!.matchAll(/([\w.-]+@[\w.-]+\.\w+)/g)].map((m) => m[1]!);
  expect(password).toBeTruthy();
  expect(accounts).toContain('facilitator@example.org');
  expect(start[2]).toMatch(/Ctrl\+C/);
  expect(fs.existsSync(path.join(copy, '.data'))).toBe(true);

  // Every printed account signs in; the facilitator finds the demo round and its two sessions.
  for (const email of accounts) {
    await page.context().clearCookies();
    await page.goto(`${address}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / }), email).toBeVisible();
  }
  await page.context().clearCookies();
  await page.goto(`${address}/login`);
  await page.getByLabel('Email').fill('facilitator@example.org');
  await page.getByLabel('Password').fill(password!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Daniel Okafor' })).toBeVisible();
  await page.goto(`${address}/rounds`);
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  const sessions = page.getByRole('region', { name: 'Live sessions' });
  await expect(sessions.getByRole('listitem').filter({ hasText: 'Counter-trafficking: what NGOs see first' })).toContainText('Scheduled');
  await expect(sessions.getByRole('listitem').filter({ hasText: 'Opening exchange on the partnership' })).toContainText('Closed');
});
