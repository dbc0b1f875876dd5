import { describe, expect, it } from 'vitest';
import { regionOf, regionsOf } from './regions.ts';
import { seedOrganizations } from '../db/seed/organizations.ts';

describe('regions', () => {
  it('places countries in their M49 region', () => {
    expect(regionOf('UA')).toBe('europe');
    expect(regionOf('ng')).toBe('africa');
    expect(regionOf('CO')).toBe('americas');
    expect(regionOf('PH')).toBe('asia');
    expect(regionOf('FJ')).toBe('oceania');
    expect(regionOf('AQ')).toBeNull();
    expect(regionsOf(['AT', 'UA', 'US'])).toEqual(['europe', 'americas']);
  });

  it('knows the country of every organization of the demo', () => {
    for (const org of seedOrganizations) for (const c of org.countries) expect(regionOf(c), `${org.name}: ${c}`).not.toBeNull();
  });
});
