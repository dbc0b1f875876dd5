import { describe, expect, it } from 'vitest';
import { translate } from '../../locales/index.ts';
import { firstDraftLeftovers } from './placeholders.ts';

describe("the first draft's placeholder sentences", () => {
  it('are found in any language the draft was compiled in, and only they', () => {
    const intro = translate('fr', 'summary.draft.intro', { count: 3, organizations: 2 });
    const noText = translate('es', 'summary.draft.noText');
    expect(firstDraftLeftovers(`Summary\n\n${intro}\n\nCaritas: ${noText}`)).toEqual([intro, noText]);
    expect(firstDraftLeftovers(translate('en', 'summary.draft.intro', { count: 1, organizations: 1 }))).toHaveLength(1);
    expect(firstDraftLeftovers('NGOs drawn from 3 regions asked for an outline to rewrite the rules.')).toEqual([]);
  });
});
