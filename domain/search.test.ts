import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../tests/factories.ts';
import { startPaper, submitPaper } from './papers.ts';
import { can, type Actor } from './permissions.ts';
import { createRound, getRound } from './rounds.ts';
import { matchEnd, matchStart, searchPositions, searchStatement } from './search.ts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import type { Locale } from './vocabulary.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
const actors: Record<string, Actor> = {};
const papers: Array<{ paperId: string; roundId: string; organizationId: string }> = [];
let orgs: Record<string, string>;

async function submitted(roundId: string, organizationId: string, text: string, language: Locale, userId: string) {
  const paper = await startPaper(handle.db, { roundId, organizationId, userId, language });
  await submitPaper(handle.db, { paperId: paper.id, userId, content: { text }, html: `<p>${text}</p>`, text, wordCount: text.split(' ').length, wordLimit: null, language });
  papers.push({ paperId: paper.id, roundId, organizationId });
  return paper;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const strada = await makeOrganization(handle.db, { areas: ['counter-trafficking'] });
  const caritas = await makeOrganization(handle.db, { areas: ['assisted-voluntary-return'] });
  const hayat = await makeOrganization(handle.db, { areas: ['counter-trafficking'] });
  orgs = { strada: strada.id, caritas: caritas.id, hayat: hayat.id };
  const staff = await makeUser(handle.db, { role: 'facilitator' });
  const author = await makeUser(handle.db, { role: 'admin' });
  actors.facilitator = { id: staff.id, role: 'facilitator', organizationId: null, isRepresentative: false };
  actors.secretariat = { id: 'sec', role: 'secretariat', organizationId: null, isRepresentative: false };
  actors.strada = { id: 's', role: 'observer', organizationId: strada.id, isRepresentative: false };
  actors.caritas = { id: 'c', role: 'observer', organizationId: caritas.id, isRepresentative: true };
  actors.hayat = { id: 'h', role: 'observer', organizationId: hayat.id, isRepresentative: true };
  const round = (title: string, visibility: 'on-submission' | 'after-deadline' | 'never', deadline: Date | null, invited: string[]) =>
    createRound(handle.db, { title, framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: deadline, wordLimit: null, positionVisibility: visibility, invitedOrganizationIds: invited }, staff.id);
  const open = await round('Visible on submission', 'on-submission', null, [strada.id, caritas.id]);
  const later = await round('Visible after the deadline, still ahead', 'after-deadline', new Date(Date.now() + 86400_000), [strada.id, caritas.id]);
  const past = await round('Visible after the deadline, passed', 'after-deadline', new Date(Date.now() - 86400_000), [strada.id, caritas.id, hayat.id]);
  const never = await round('Never visible', 'never', null, [strada.id, caritas.id]);
  await submitted(open.id, strada.id, 'Les organisations coopèrent sur les migrations de travail et la traite.', 'fr', author.id);
  await submitted(open.id, caritas.id, 'Assisted voluntary return needs counselling before departure.', 'en', author.id);
  await submitted(later.id, strada.id, 'Hotlines prevent trafficking in women.', 'en', author.id);
  await submitted(past.id, caritas.id, 'Las organizaciones apoyan el retorno voluntario de los migrantes. <script>alert(1)</script>', 'es', author.id);
  await submitted(never.id, strada.id, 'Confidential migration figures for the secretariat.', 'en', author.id);
});
afterAll(() => handle.dispose());

const titles = async (actor: Actor, q: string, extra = {}) => (await searchPositions(handle.db, actor, { q, ...extra })).map((h) => `${h.roundTitle}`).sort();

describe('search over submitted positions', () => {
  it('stems each paper in its own language', async () => {
    expect(await titles(actors.facilitator!, 'migration')).toContain('Visible on submission'); // French "migrations"
    expect(await titles(actors.facilitator!, 'organización')).toEqual(['Visible after the deadline, passed']); // Spanish plural
    expect(await titles(actors.facilitator!, 'counsel')).toEqual(['Visible on submission']); // English stem
  });

  it('marks the matched words in a snippet, and leaves no markup in it', async () => {
    const [hit] = await searchPositions(handle.db, actors.facilitator!, { q: 'retorno' });
    expect(hit!.snippet).toContain(`${matchStart}retorno${matchEnd}`);
    // Postgres' parser drops tags from the snippet; the page renders it as text anyway.
    expect(hit!.snippet).toBe(`organizaciones apoyan el ${matchStart}retorno${matchEnd} voluntario de los migrantes`);
  });

  it('filters by round, organization and area', async () => {
    const [anyHit] = await searchPositions(handle.db, actors.facilitator!, { q: 'trafficking' });
    expect(await titles(actors.facilitator!, 'trafficking', { round: anyHit!.roundId })).toEqual([anyHit!.roundTitle]);
    expect(await titles(actors.facilitator!, 'return', { organization: orgs.caritas })).toEqual(['Visible on submission']);
    expect(await titles(actors.facilitator!, 'return', { organization: orgs.strada })).toEqual([]);
    expect(await titles(actors.facilitator!, 'retorno', { area: 'assisted-voluntary-return' })).toEqual(['Visible after the deadline, passed']);
    expect(await titles(actors.facilitator!, 'retorno', { area: 'counter-trafficking' })).toEqual([]);
  });

  it('shows each person exactly what `can` lets them read', async () => {
    for (const [who, actor] of Object.entries(actors)) {
      const found = new Set((await searchPositions(handle.db, actor, { q: 'migration or trafficking or return or retorno or counselling or hotlines or migrantes' }, 100)).map((h) => h.paperId));
      for (const paper of papers) {
        const { facts } = await getRound(handle.db, paper.roundId);
        const allowed = can(actor, 'read-submitted', { type: 'paper', organizationId: paper.organizationId, round: facts });
        expect(found.has(paper.paperId), `${who} / ${facts.positionVisibility}`).toBe(allowed);
      }
    }
  });

  it('answers nothing to an empty query', async () => {
    expect(await searchPositions(handle.db, actors.facilitator!, { q: '' })).toEqual([]);
  });
});

describe('the search plan', () => {
  it('finds the matching versions through the GIN index, whatever the size of the table', async () => {
    // With a table this small the planner would rather read it whole: forbidding that shows
    // whether the index can answer the text condition at all.
    const plan = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${searchStatement(actors.facilitator!, { q: 'migration' })}`));
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toMatch(/Bitmap Index Scan on paper_versions_search_idx/);
    expect(plan).not.toMatch(/Seq Scan on paper_versions/);
  });

  it('keeps only the latest version of a paper, even when only an older one matches', async () => {
    const author = await makeUser(handle.db, { role: 'admin' });
    const round = await createRound(handle.db, { title: 'Revised', framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'on-submission', invitedOrganizationIds: [orgs.hayat!] }, author.id);
    const paper = await startPaper(handle.db, { roundId: round.id, organizationId: orgs.hayat!, userId: author.id, language: 'en' });
    const submit = (text: string) => submitPaper(handle.db, { paperId: paper.id, userId: author.id, content: { text }, html: `<p>${text}</p>`, text, wordCount: 3, wordLimit: null, language: 'en' });
    await submit('Seasonal workers need visas.');
    await submit('Shelters need funding.');
    expect(await titles(actors.facilitator!, 'seasonal')).not.toContain('Revised');
    expect(await titles(actors.facilitator!, 'shelters')).toEqual(['Revised']);
  });
});
