import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: '.data', nodeEnv: 'development', demoSeed: true });
    expect(config.sessionTimeouts).toEqual({ idleMs: 7 * 86400_000, absoluteMs: 30 * 86400_000 });
  });

  it('reads session timeouts as durations', () => {
    const config = loadConfig({ SESSION_IDLE_TIMEOUT: '30m', SESSION_ABSOLUTE_TIMEOUT: '12h' });
    expect(config.sessionTimeouts).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 });
  });

  it('stops with a message naming each wrong variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', SESSION_IDLE_TIMEOUT: 'soon' })).toThrow(/PORT[\s\S]*SESSION_IDLE_TIMEOUT[\s\S]*not a duration/);
  });

  it('creates no demo accounts in production on DATABASE_URL unless DEMO_SEED=1', () => {
    const postgres = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example.org/idm' };
    expect(loadConfig(postgres).demoSeed).toBe(false);
    expect(loadConfig({ ...postgres, DEMO_SEED: '1' }).demoSeed).toBe(true);
  });

  it("makes the README's first command (production build, embedded database) a demo, unless DEMO_SEED=0", () => {
    // `npm start` sets NODE_ENV=production and nothing else.
    expect(loadConfig({ NODE_ENV: 'production' }).demoSeed).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_SEED: '0' }).demoSeed).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DEMO_SEED: '0' }).demoSeed).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgres://localhost/idm' }).demoSeed).toBe(true);
    expect(() => loadConfig({ DEMO_SEED: 'yes' })).toThrow(/DEMO_SEED/);
  });
});
