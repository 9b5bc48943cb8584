/** Plurals and lists for country pages, through Intl so another edition only changes the locale. */
import { formatNumber } from '../format.ts';

const pluralRules = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();

/** The plural category ("one", "other", …) for a count in the edition's language. */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/** "Rome, Milan and Prato": a list joined the way the edition's language joins one. */
export function formatList(items: readonly string[], locale: string, type: Intl.ListFormatType = 'conjunction'): string {
  const key = `${locale}|${type}`;
  let format = listFormats.get(key);
  if (!format) listFormats.set(key, (format = new Intl.ListFormat(locale, { style: 'long', type })));
  return format.format(items);
}

/** A count with its noun, picking the "one" or "other" interface string: "1 station", "11 stations". */
export function countWith(count: number, forms: { one: (n: string) => string; other: (n: string) => string }, locale: string): string {
  const n = formatNumber(count, locale);
  return pluralCategory(count, locale) === 'one' ? forms.one(n) : forms.other(n);
}
