/** Crosswalk from our ISO alpha-3 codes to world-atlas ids (ISO numeric as zero-padded strings, never numbers). */
import table from './iso-3166-1.json' with { type: 'json' };

const byAlpha3 = new Map(table.map((row) => [row.alpha3, row]));

/** The ISO 3166-1 numeric code ("040") for an alpha-3 code ("AUT"), or null when the code is not ISO. */
export function alpha3ToNumeric(alpha3: string): string | null {
  return byAlpha3.get(alpha3)?.numeric ?? null;
}

export function isIsoAlpha3(code: string): boolean {
  return byAlpha3.has(code);
}

/** The ISO 3166-1 alpha-2 code ("AT") for an alpha-3 code ("AUT"), for Intl.DisplayNames; null when not ISO. */
export function alpha3ToAlpha2(alpha3: string): string | null {
  return byAlpha3.get(alpha3)?.alpha2 ?? null;
}
