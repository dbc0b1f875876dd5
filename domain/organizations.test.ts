import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../tests/factories.ts';
import { createSession, validateSessionToken } from './auth/sessions.ts';
import {
  createOrganization, directoryCountries, getOrganization, organizationSchema, removeMember, searchOrganizations, setRepresentative, updateOrganization,
} from './organizations.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let ids: Record<string, string>;
beforeAll(async () => {
  handle = await openTestDatabase();
  const strada = await makeOrganization(handle.db, { name: 'La Strada Ukraine', countries: ['UA'], level: 'national', areas: ['counter-trafficking'], hasObserverStatus: true, observerSince: '2002-06-01' });
  const caritas = await makeOrganization(handle.db, { name: 'Caritas Österreich', countries: ['AT'], level: 'national', areas: ['assisted-voluntary-return', 'migrants-rights'] });
  const icmc = await makeOrganization(handle.db, { name: 'International Catholic Migration Commission', acronym: 'ICMC', countries: ['CH'], level: 'international', areas: ['movement-management', 'counter-trafficking'], hasObserverStatus: true });
  ids = { strada: strada.id, caritas: caritas.id, icmc: icmc.id };
  await makeUser(handle.db, { organizationId: strada.id, isRepresentative: true, name: 'Olena' });
  await makeUser(handle.db, { organizationId: strada.id, name: 'Taras' });
});
afterAll(() => handle.dispose());

const names = async (filter: Parameters<typeof searchOrganizations>[1]) =>
  (await searchOrganizations(handle.db, filter)).organizations.map((o) => o.name);

describe('the directory', () => {
  it('lists every organization by name with its member count', async () => {
    const result = await searchOrganizations(handle.db, {});
    expect(result.total).toBe(3);
    expect(result.organizations.map((o) => [o.name, o.members])).toEqual([
      ['Caritas Österreich', 0],
      ['International Catholic Migration Commission', 0],
      ['La Strada Ukraine', 2],
    ]);
  });

  it('searches names and acronyms, case-insensitively, with wildcards taken literally', async () => {
    expect(await names({ q: 'strada' })).toEqual(['La Strada Ukraine']);
    expect(await names({ q: 'icmc' })).toEqual(['International Catholic Migration Commission']);
    expect(await names({ q: '%' })).toEqual([]);
  });

  it('filters by area, level, country and observer status, together', async () => {
    expect(await names({ area: 'counter-trafficking' })).toEqual(['International Catholic Migration Commission', 'La Strada Ukraine']);
    expect(await names({ level: 'international' })).toEqual(['International Catholic Migration Commission']);
    expect(await names({ country: 'AT' })).toEqual(['Caritas Österreich']);
    expect(await names({ observer: 'no' })).toEqual(['Caritas Österreich']);
    expect(await names({ area: 'counter-trafficking', level: 'national', observer: 'yes' })).toEqual(['La Strada Ukraine']);
    expect(await directoryCountries(handle.db)).toEqual(['AT', 'CH', 'UA']);
  });
});

describe('an organization', () => {
  it('shows its members, representatives first', async () => {
    const { organization, members } = await getOrganization(handle.db, ids.strada!);
    expect(organization.observerSince).toBe('2002-06-01');
    expect(members.map((m) => [m.name, m.isRepresentative])).toEqual([['Olena', true], ['Taras', false]]);
    await expect(getOrganization(handle.db, 'not-a-uuid')).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('is created and edited with its vocabulary, and a clashing name is refused', async () => {
    const admin = await makeUser(handle.db, { role: 'admin' });
    const input = organizationSchema.parse({ name: 'HAYAT', level: 'local', countries: ['BA'], areas: ['counter-trafficking'], relationships: ['service-provider'] });
    const created = await createOrganization(handle.db, input, admin.id);
    const updated = await updateOrganization(handle.db, created.id, { ...input, hasObserverStatus: true, observerSince: '2010-01-01' }, admin.id);
    expect(updated).toMatchObject({ hasObserverStatus: true, observerSince: '2010-01-01', relationships: ['service-provider'] });
    await expect(createOrganization(handle.db, { ...input, name: 'hayat' }, admin.id)).rejects.toMatchObject({ fields: { name: 'errors.organization.nameTaken' } });
    // A date without the status is dropped rather than kept as a contradiction.
    const noStatus = await updateOrganization(handle.db, created.id, { ...input, hasObserverStatus: false, observerSince: '2010-01-01' }, admin.id);
    expect(noStatus.observerSince).toBeNull();
  });

  it('rejects values outside the vocabulary with a message per field', () => {
    const result = organizationSchema.safeParse({ name: '', level: 'galactic', countries: ['Ukraine'], areas: ['knitting'] });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(fields).toMatchObject({ name: 'errors.name.required', level: 'errors.level.invalid', countries: 'errors.country.invalid', areas: 'errors.area.invalid' });
  });

  it('changes its representative, and a removed member is signed out and no longer listed', async () => {
    const org = await makeOrganization(handle.db);
    const actor = await makeUser(handle.db, { role: 'facilitator' });
    const member = await makeUser(handle.db, { organizationId: org.id });
    const session = await createSession(handle.db, member.id, { idleMs: 3600_000, absoluteMs: 7200_000 });
    await setRepresentative(handle.db, { organizationId: org.id, userId: member.id, isRepresentative: true, actorId: actor.id });
    expect((await getOrganization(handle.db, org.id)).members[0]!.isRepresentative).toBe(true);
    await removeMember(handle.db, { organizationId: org.id, userId: member.id, actorId: actor.id });
    expect((await getOrganization(handle.db, org.id)).members).toEqual([]);
    expect(await validateSessionToken(handle.db, session.token, { idleMs: 3600_000, absoluteMs: 7200_000 })).toBeNull();
    // A member of another organization cannot be touched through this one.
    const outsider = await makeUser(handle.db, { organizationId: ids.caritas });
    await expect(removeMember(handle.db, { organizationId: org.id, userId: outsider.id, actorId: actor.id })).rejects.toMatchObject({ name: 'NotFound' });
  });
});
