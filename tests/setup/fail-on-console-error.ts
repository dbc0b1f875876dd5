// A console.error during a test is a fault nobody asserted on: it fails the test. A test that
// provokes an error on purpose (a library logging a refused message) says which with
// `expectConsoleError(pattern)`, and then fails if that error was NOT logged.
import { afterEach, beforeEach, vi } from 'vitest';

let spy: ReturnType<typeof vi.spyOn>;
let expected: RegExp[] = [];

export function expectConsoleError(pattern: RegExp) {
  expected.push(pattern);
}

beforeEach(() => {
  expected = [];
  spy = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  const calls = spy.mock.calls.map((c) => c.map((v) => (v instanceof Error ? `${v.name}: ${v.message}` : String(v))).join(' '));
  spy.mockRestore();
  const unexpected = calls.filter((line) => !expected.some((p) => p.test(line)));
  const missing = expected.filter((p) => !calls.some((line) => p.test(line)));
  if (unexpected.length) throw new Error(`console.error was called during the test:\n${unexpected.join('\n')}`);
  if (missing.length) throw new Error(`expected console.error was not logged: ${missing.join(', ')}`);
});
