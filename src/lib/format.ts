/** The one place where numbers and dates become reader-facing text, so other editions only change the locale. */

/** Locale of the edition being built; French and Chinese editions will pass their own. */
export const DEFAULT_LOCALE = 'en-GB';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a count or figure with the locale's grouping (230,000 / 230 000 / 230,000). */
export function formatNumber(value: number, locale: string = DEFAULT_LOCALE): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** How precise a partial ISO date is: sources often give only a month or a year. */
export type DatePrecision = 'year' | 'month' | 'day';

export interface ParsedPartialDate {
  year: number;
  month: number | null;
  day: number | null;
  precision: DatePrecision;
}

/** Splits "2022", "2022-10" or "2022-10-26" into parts; throws on anything else so a typo cannot print as a date. */
export function parsePartialDate(text: string): ParsedPartialDate {
  const match = PARTIAL_DATE.exec(text);
  if (!match) throw new Error(`Not a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD): "${text}"`);
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  return { year, month, day, precision: day !== null ? 'day' : month !== null ? 'month' : 'year' };
}

/**
 * Formats a partial date at the precision the source gave ("26 October 2022", "October 2022", "2016").
 * UTC throughout so the build machine's time zone can never shift a day.
 */
export function formatPartialDate(
  text: string,
  locale: string = DEFAULT_LOCALE,
  style: 'long' | 'short' = 'long',
): string {
  const { year, month, day } = parsePartialDate(text);
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const monthStyle = style === 'long' ? 'long' : 'short';
  const options: Intl.DateTimeFormatOptions =
    day !== null
      ? { year: 'numeric', month: monthStyle, day: 'numeric', timeZone: 'UTC' }
      : month !== null
        ? { year: 'numeric', month: monthStyle, timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** Sort key for partial dates: a month-only date sorts at the start of its month, before dated days in it. */
export function partialDateSortKey(text: string): string {
  const { year, month, day } = parsePartialDate(text);
  return `${String(year).padStart(4, '0')}-${String(month ?? 0).padStart(2, '0')}-${String(day ?? 0).padStart(2, '0')}`;
}
