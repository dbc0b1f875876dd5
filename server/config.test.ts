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
    const postgres = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example.org/idm', APP_ORIGIN: 'https://consult.example.org' };
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

  it('builds links from APP_ORIGIN; the embedded demo defaults to http://localhost:<PORT>', () => {
    expect(loadConfig({})).toMatchObject({ appOrigin: 'http://localhost:3000', appOriginConfigured: false });
    expect(loadConfig({ PORT: '8080', NODE_ENV: 'production' })).toMatchObject({ appOrigin: 'http://localhost:8080', appOriginConfigured: false });
    expect(loadConfig({ APP_ORIGIN: 'https://consult.example.org/' })).toMatchObject({ appOrigin: 'https://consult.example.org', appOriginConfigured: true });
    expect(() => loadConfig({ APP_ORIGIN: 'https://consult.example.org/some/path' })).toThrow(/APP_ORIGIN[\s\S]*without a path/);
  });

  it('requires APP_ORIGIN when serving on DATABASE_URL in production, in one line', () => {
    const start = () => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example.org/consult' });
    expect(start).toThrow(/^APP_ORIGIN must be set when serving on DATABASE_URL in production/);
    try {
      start();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example.org/consult', APP_ORIGIN: 'https://consult.example.org' }).appOrigin).toBe('https://consult.example.org');
    // Development on a database server keeps the localhost default.
    expect(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/consult' }).appOrigin).toBe('http://localhost:3000');
  });

  it('believes no proxy unless TRUST_PROXY names one', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('turns several-node mode on with REDIS_URL, only on a shared Postgres', () => {
    expect(loadConfig({}).cluster).toBeUndefined();
    const both = loadConfig({ DATABASE_URL: 'postgres://db.example.org/idm', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(both.cluster).toEqual({ redisUrl: 'redis://127.0.0.1:6379', prefix: 'idm' });
    expect(both.trustProxy).toBe('loopback');
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example.org/idm', REDIS_URL: 'redis://r', REDIS_PREFIX: 'iom-prod', TRUST_PROXY: '2' })).toMatchObject({ cluster: { prefix: 'iom-prod' }, trustProxy: 2 });
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/idm', REDIS_URL: 'http://127.0.0.1' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/idm', REDIS_URL: 'redis://r', REDIS_PREFIX: 'a b' })).toThrow(/REDIS_PREFIX/);
  });
});
