/** The fixed vocabularies of the platform, in the words of the reference paper. */

export const roles = ['observer', 'facilitator', 'secretariat', 'admin'] as const;
export type Role = (typeof roles)[number];

export const levels = ['local', 'national', 'regional', 'international'] as const;
export type Level = (typeof levels)[number];

/** Areas of activity: paragraph 7 and the annex of the paper. */
export const areas = [
  'technical-cooperation',
  'movement-management',
  'migrants-rights',
  'labour-migration',
  'assisted-voluntary-return',
  'counter-trafficking',
  'mass-information',
  'migration-health',
  'research',
  'emergency-post-conflict',
  'special-programmes',
] as const;
export type Area = (typeof areas)[number];

/** Relationships with IOM: paragraph 4 of the paper. */
export const relationships = [
  'collaborator',
  'service-provider',
  'donor',
  'technical-cooperation-beneficiary',
  'grant-recipient',
  'service-recipient',
] as const;
export type Relationship = (typeof relationships)[number];

export const locales = ['en', 'fr', 'es'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
