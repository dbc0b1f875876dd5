/** Whose word the server takes about where a request comes from and where it was sent. */
import { describe, expect, it } from 'vitest';
import { compileTrustProxy, expectedOrigin, isSameOrigin, requestOrigin } from './security.ts';

const request = (headers: Record<string, string>, remoteAddress = '127.0.0.1') => ({ headers, socket: { remoteAddress } as never });

describe('proxies', () => {
  it('believes none by default, not even one on this machine', () => {
    const trust = compileTrustProxy(false);
    expect(trust('127.0.0.1', 0)).toBe(false);
    expect(requestOrigin(request({ host: 'consult.example.org', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }), trust)).toBe('http://consult.example.org');
  });

  it('believes the proxies TRUST_PROXY names, and only them', () => {
    const trust = compileTrustProxy('loopback');
    expect(requestOrigin(request({ host: '127.0.0.1:3000', 'x-forwarded-host': 'consult.example.org', 'x-forwarded-proto': 'https' }), trust)).toBe('https://consult.example.org');
    expect(requestOrigin(request({ host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' }, '203.0.113.9'), trust)).toBe('http://127.0.0.1:3000');
  });
});

describe('the Origin check', () => {
  const trust = compileTrustProxy(false);
  it('wants exactly APP_ORIGIN when it is configured, whatever the Host says', () => {
    const config = { appOrigin: 'https://consult.example.org', appOriginConfigured: true };
    expect(expectedOrigin(request({ host: 'evil.example' }), config, trust)).toBe('https://consult.example.org');
  });

  it('without APP_ORIGIN, wants the origin the request was sent to; a Host that makes no origin matches nothing', () => {
    const config = { appOrigin: 'http://localhost:3000', appOriginConfigured: false };
    const expected = expectedOrigin(request({ host: '127.0.0.1:3000' }), config, trust);
    expect(isSameOrigin({ origin: 'http://127.0.0.1:3000' }, expected)).toBe(true);
    expect(isSameOrigin({ origin: 'http://evil.example' }, expected)).toBe(false);
    expect(isSameOrigin({ referer: 'http://127.0.0.1:3000/rounds' }, expected)).toBe(true);
    expect(isSameOrigin({}, expected)).toBe(false);
    const broken = expectedOrigin(request({ host: 'a b' }), config, trust);
    expect(isSameOrigin({ origin: broken }, broken)).toBe(false);
  });
});
