import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { invitations, mailOutbox } from '../db/schema.ts';
import { openTestDatabase } from '../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../tests/factories.ts';
import { signIn } from './accounts.ts';
import { InvalidInput } from './errors.ts';
import { acceptInvitation, createInvitation, findInvitation, invitationSchema, listPendingInvitations, revokeInvitation } from './invitations.ts';
import { createMailer, type Mailer } from './mail.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let mailer: Mailer;
beforeAll(async () => {
  handle = await openTestDatabase();
  mailer = await createMailer(handle.db, { from: 'test@example.org' });
});
afterAll(() => handle.dispose());

const tokenOf = (link: string) => link.split('/join/')[1]!;
const facilitatorActor = { id: 'f', role: 'facilitator' as const, organizationId: null, isRepresentative: false };

describe('invitations', () => {
  it('invites, mails the link, and the link creates the account with its organization and role', async () => {
    const org = await makeOrganization(handle.db);
    const facilitator = await makeUser(handle.db, { role: 'facilitator' });
    const created = await createInvitation(handle.db, mailer, {
      email: 'new.member@example.org', role: 'observer', organizationId: org.id, isRepresentative: true,
      invitedBy: facilitator, appOrigin: 'http://consult.test', locale: 'en',
    });
    expect(created.link).toMatch(/^http:\/\/consult\.test\/join\/[\w-]{40,}$/);
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'new.member@example.org'));
    expect(mail!.body).toContain(created.link);
    expect(mail!.body).toContain(org.name);
    expect((await listPendingInvitations(handle.db, facilitatorActor, { organizationId: org.id })).map((i) => i.email)).toEqual(['new.member@example.org']);

    const found = await findInvitation(handle.db, tokenOf(created.link));
    expect(found.state).toBe('valid');
    const user = await acceptInvitation(handle.db, { token: tokenOf(created.link), name: 'New Member', password: 'a-long-password', locale: 'es' });
    expect(user).toMatchObject({ email: 'new.member@example.org', role: 'observer', organizationId: org.id, isRepresentative: true, locale: 'es' });
    expect((await signIn(handle.db, { email: 'new.member@example.org', password: 'a-long-password' })).id).toBe(user.id);
    expect((await findInvitation(handle.db, tokenOf(created.link))).state).toBe('used');
    expect(await listPendingInvitations(handle.db, facilitatorActor, { organizationId: org.id })).toHaveLength(0);
  });

  it('works only once, even when two people use the link at the same moment', async () => {
    const inviter = await makeUser(handle.db, { role: 'admin' });
    const { link } = await createInvitation(handle.db, mailer, { email: 'race@example.org', role: 'secretariat', organizationId: null, isRepresentative: false, invitedBy: inviter, appOrigin: 'http://x', locale: 'en' });
    const attempts = await Promise.allSettled([1, 2].map(() => acceptInvitation(handle.db, { token: tokenOf(link), name: 'Racer', password: 'a-long-password', locale: 'en' })));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = attempts.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(InvalidInput);
  });

  it('reports expired, withdrawn and unknown links, and refuses them', async () => {
    const inviter = await makeUser(handle.db, { role: 'admin' });
    const org = await makeOrganization(handle.db);
    const expired = await createInvitation(handle.db, mailer, { email: 'late@example.org', role: 'observer', organizationId: org.id, isRepresentative: false, invitedBy: inviter, appOrigin: 'http://x', locale: 'en' });
    await handle.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, 'late@example.org'));
    expect((await findInvitation(handle.db, tokenOf(expired.link))).state).toBe('expired');
    await expect(acceptInvitation(handle.db, { token: tokenOf(expired.link), name: 'Late', password: 'a-long-password', locale: 'en' })).rejects.toBeInstanceOf(InvalidInput);

    const withdrawn = await createInvitation(handle.db, mailer, { email: 'gone@example.org', role: 'observer', organizationId: org.id, isRepresentative: false, invitedBy: inviter, appOrigin: 'http://x', locale: 'en' });
    await revokeInvitation(handle.db, withdrawn.id, inviter.id);
    expect((await findInvitation(handle.db, tokenOf(withdrawn.link))).state).toBe('revoked');
    expect((await findInvitation(handle.db, 'made-up-token')).state).toBe('unknown');
  });

  it('refuses to invite an email that already has an account, or to an unknown organization', async () => {
    const inviter = await makeUser(handle.db, { role: 'admin' });
    const existing = await makeUser(handle.db);
    const taken = createInvitation(handle.db, mailer, { email: existing.email, role: 'facilitator', organizationId: null, isRepresentative: false, invitedBy: inviter, appOrigin: 'http://x', locale: 'en' });
    await expect(taken).rejects.toMatchObject({ fields: { email: 'errors.invitation.accountExists' } });
    const unknown = createInvitation(handle.db, mailer, { email: 'x@example.org', role: 'observer', organizationId: '00000000-0000-4000-8000-000000000000', isRepresentative: false, invitedBy: inviter, appOrigin: 'http://x', locale: 'en' });
    await expect(unknown).rejects.toMatchObject({ fields: { organizationId: 'errors.organization.unknown' } });
  });

  it('validates the form: observers need an organization, staff have none, emails are emails', () => {
    const issues = (input: unknown) => {
      const result = invitationSchema.safeParse(input);
      return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(issues({ email: 'a@example.org', role: 'observer', organizationId: null })).toEqual({ organizationId: 'errors.organization.required' });
    expect(issues({ email: 'a@example.org', role: 'facilitator', organizationId: '00000000-0000-4000-8000-000000000000' })).toEqual({ organizationId: 'errors.organization.staffHasNone' });
    expect(issues({ email: 'not an email', role: 'facilitator', organizationId: null })).toEqual({ email: 'errors.email.invalid' });
    expect(issues({ email: 'a@example.org', role: 'king', organizationId: null })).toEqual({ role: 'errors.role.invalid' });
  });
});
