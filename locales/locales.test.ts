/** Every string in three languages: no key missing, no placeholder lost, no key unused in code missing. */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { translate } from './index.ts';
import { localeFromAcceptLanguage } from './negotiate.ts';

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe.each([['fr', fr], ['es', es]] as const)('%s', (name, dictionary) => {
  it('has every English key, and no other', () => {
    expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
  });
  it('keeps every placeholder and leaves nothing empty', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(dictionary[key].trim(), key).not.toBe('');
      expect(placeholders(dictionary[key]), `${name} ${key}`).toEqual(placeholders(en[key]));
    }
  });
  it('is translated, not copied from English', () => {
    // Words that are the same in both languages.
    const cognates = new Set(['levels.international', 'dashboard.secretariat.record', 'notifications.title', 'notifications.link', 'sessions.interventions']);
    const copied = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === dictionary[k] && en[k].length > 12 && !cognates.has(k));
    expect(copied).toEqual([]);
  });
});

describe('the code', () => {
  it('uses only message keys that exist', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(full);
      }
    };
    ['app', 'domain', 'server', 'db'].forEach(walk);
    const used = new Set<string>();
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]+)'/g)) used.add(match[1]!);
      for (const match of source.matchAll(/'((?:errors|toast|mail)\.[\w.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });
});

describe('plurals', () => {
  it('are chosen by Intl.PluralRules in each language, never written "(s)"', () => {
    expect(translate('en', 'paper.words', { count: 1 })).toBe('1 word');
    expect(translate('en', 'paper.words', { count: 0 })).toBe('0 words');
    expect(translate('en', 'paper.words', { count: 2 })).toBe('2 words');
    // French counts 0 and 1 as singular.
    expect(translate('fr', 'paper.words', { count: 0 })).toBe('0 mot');
    expect(translate('fr', 'sessions.rollCallAnswered', { count: 1 })).toBe('1 organisation a confirmé sa présence.');
    expect(translate('fr', 'sessions.rollCallAnswered', { count: 3 })).toBe('3 organisations ont confirmé leur présence.');
    expect(translate('es', 'comments.replies', { count: 1 })).toBe('1 respuesta');
    expect(translate('es', 'comments.replies', { count: 1_000_000 })).toBe('1000000 respuestas');
    expect(translate('en', 'round.paperSubmitted', { count: 1, date: 'today' })).toBe('Submitted once, on today.');
    for (const dictionary of [en, fr, es]) {
      expect(Object.entries(dictionary).filter(([, text]) => /\w\((s|es|ies|e)\)/.test(text)).map(([key]) => key)).toEqual([]);
    }
  });
});

describe('translate', () => {
  it('fills placeholders and falls back to the key itself when unknown', () => {
    expect(translate('fr', 'dashboard.greeting', { name: 'Olena' })).toContain('Olena');
    expect(translate('es', 'no.such.key')).toBe('no.such.key');
  });
});

describe('Accept-Language', () => {
  it.each([
    ['fr-CH, fr;q=0.9, en;q=0.8', 'fr'],
    ['de-DE, es;q=0.5, en;q=0.4', 'es'],
    ['de-DE', 'en'],
    ['', 'en'],
    ['en;q=0, fr;q=0.1', 'fr'],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
