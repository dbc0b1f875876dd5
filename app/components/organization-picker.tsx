/**
 * The organizations a round invites, among a hundred and more: a search box and filters (area,
 * region, observer status) narrow the list shown, "Select all shown" ticks what the filters
 * found, and the count says how many are invited. Organizations filtered out stay in the form
 * (hidden, not removed), so a filter never drops an invitation.
 */
import { useMemo, useState } from 'react';
import { regions, regionsOf } from '../../domain/regions.ts';
import { areas } from '../../domain/vocabulary.ts';
import { useT } from '../utils/i18n.tsx';
import type { OrganizationChoice } from './round-form.tsx';

export function OrganizationPicker({ organizations, initial }: { organizations: OrganizationChoice[]; initial: string[] }) {
  const t = useT();
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(initial));
  const [query, setQuery] = useState('');
  const [area, setArea] = useState('');
  const [region, setRegion] = useState('');
  const [observer, setObserver] = useState('');
  const shown = useMemo(() => {
    const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return new Set(
      organizations
        .filter((o) => words.every((w) => `${o.name} ${o.acronym ?? ''}`.toLocaleLowerCase().includes(w)))
        .filter((o) => !area || o.areas.includes(area))
        .filter((o) => !region || regionsOf(o.countries).includes(region as (typeof regions)[number]))
        .filter((o) => !observer || o.observer === (observer === 'yes'))
        .map((o) => o.id),
    );
  }, [organizations, query, area, region, observer]);
  const setMany = (ids: Iterable<string>, on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <fieldset className="checkbox-group organization-picker">
      <legend>{t('round.invited', { count: selected.size })}</legend>
      <div className="picker-filters">
        <div className="field">
          <label htmlFor="picker-search">{t('organizations.search')}</label>
          <input id="picker-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('organizations.searchPlaceholder')} />
        </div>
        <div className="field">
          <label htmlFor="picker-area">{t('organization.areas')}</label>
          <select id="picker-area" value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">{t('organizations.any')}</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {t(`areas.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="picker-region">{t('round.pickerRegion')}</label>
          <select id="picker-region" value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value="">{t('organizations.any')}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {t(`regions.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="picker-observer">{t('organization.observerStatus')}</label>
          <select id="picker-observer" value={observer} onChange={(e) => setObserver(e.target.value)}>
            <option value="">{t('organizations.any')}</option>
            <option value="yes">{t('organizations.observerYes')}</option>
            <option value="no">{t('organizations.observerNo')}</option>
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => setMany(shown, true)} disabled={shown.size === 0}>
          {t('round.selectAllShown', { count: shown.size })}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setMany(shown, false)} disabled={shown.size === 0}>
          {t('round.clearShown')}
        </button>
        <p className="muted small" role="status">
          {t('round.pickerShown', { shown: shown.size, total: organizations.length })}
        </p>
      </div>
      <div className="scroll-box">
        {organizations.map((o) => (
          <label key={o.id} hidden={!shown.has(o.id)}>
            <input type="checkbox" name="invitedOrganizationIds" value={o.id} checked={selected.has(o.id)} onChange={(e) => setMany([o.id], e.target.checked)} /> {o.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
