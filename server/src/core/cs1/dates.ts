// CS1 date validation, mirroring Module:Citation/CS1/Date_validation (en.wiki, late 2022): the accepted
// MOS:DATEFORMAT patterns, calendar checks, range order, the future-year limit and the access-date window.
// The clock is never read here: callers pass `today`, so results are reproducible and testable.

import { MONTH_NAMES } from '../text';
import type { CitationDates } from '../profile';
import { asciiDigits, dateLocale, englishMonthNames, englishOf, matchLocalFormat } from './datesLocal';

/** A calendar date or a part of one; month 1–12 when present. */
export interface CalendarDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** The written order of a date: 7 March 2021 (dmy), March 7, 2021 (mdy), 2021-03-07 (ymd), or anything else. */
export type DateFormat = 'dmy' | 'mdy' | 'ymd' | 'other';

/** What a valid CS1 date denotes. */
export type Cs1DateKind =
  | 'full' | 'month' | 'season' | 'quarter' | 'named' | 'year' | 'range' | 'circa' | 'no-date';

/** A date CS1 accepts. */
export interface ValidCs1Date {
  readonly ok: true;
  readonly kind: Cs1DateKind;
  readonly start: CalendarDate;
  /** End of a range; undefined for a single date. */
  readonly end?: CalendarDate;
  readonly format: DateFormat;
  /** Season, quarter or named day (Winter, Third Quarter, Christmas) for those kinds, as written. */
  readonly period?: string;
  /** CITEREF disambiguation letter (1999a). */
  readonly disambiguator?: string;
  /** Set when CS1 accepts the date but adds a maintenance category (a hyphen in a range: CS1 maint: date format). */
  readonly maint?: string;
}

/** A date CS1 rejects (err_bad_date), with the reason in words. */
export interface InvalidCs1Date {
  readonly ok: false;
  readonly reason: string;
}

/** The result of checking one date parameter value. */
export type Cs1DateResult = ValidCs1Date | InvalidCs1Date;

const LONG_MONTHS = MONTH_NAMES;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASONS = new Map([['Winter', 24], ['Spring', 21], ['Summer', 22], ['Fall', 23], ['Autumn', 23]]);
const QUARTERS = new Map([['First Quarter', 33], ['Second Quarter', 34], ['Third Quarter', 35], ['Fourth Quarter', 36]]);
const NAMED_DAYS = new Set(['Easter', 'Christmas']);

// Date parameters under their canonical names; CS1 checks aliases (accessdate, air-date) under these.
const DATE_PARAMETER_ALIASES: Readonly<Record<string, string>> = {
  accessdate: 'access-date', archivedate: 'archive-date', 'air-date': 'date', airdate: 'date',
  publicationdate: 'publication-date', laydate: 'lay-date',
};

// Wikipedia's founding: an access date cannot be earlier.
const EARLIEST_ACCESS_DATE: CalendarDate = { year: 2001, month: 1, day: 15 };

function monthNumber(name: string): number {
  const long = LONG_MONTHS.indexOf(name);
  if (long >= 0) return long + 1;
  const short = SHORT_MONTHS.indexOf(name);
  return short >= 0 ? short + 1 : 0;
}

// Months in a range must share a style: Jan–Mar or January–March, not Jan–March ("May" is both).
function sameMonthStyle(a: string, b: string): boolean {
  return (LONG_MONTHS.includes(a) && LONG_MONTHS.includes(b)) || (SHORT_MONTHS.includes(a) && SHORT_MONTHS.includes(b));
}

function isLeapYear(year: number): boolean {
  // CS1 assumes the Julian calendar before 1582 and the Gregorian one from 1582.
  if (year < 1582) return year % 4 === 0;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Number of days in a month (1–12) of a year, Julian before 1582 as CS1 assumes. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return (a.year - b.year) || ((a.month ?? 0) - (b.month ?? 0)) || ((a.day ?? 0) - (b.day ?? 0));
}

function addDays(date: Required<CalendarDate>, days: number): Required<CalendarDate> {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

class DateRejection extends Error {}

function reject(reason: string): never {
  throw new DateRejection(reason);
}

interface Checker {
  readonly param: string;
  readonly yearLimit: number;
}

function checkYear(year: number, checker: Checker): void {
  if (year > checker.yearLimit) {
    reject(`year ${year} is too far in the future (the limit is ${checker.yearLimit})`);
  }
}

function checkDay(year: number, month: number, day: number, checker: Checker, written: string): void {
  checkYear(year, checker);
  if (day > daysInMonth(year, month)) reject(`${written} does not exist`);
}

function monthOrReject(name: string): number {
  const month = monthNumber(name);
  if (month) return month;
  return reject(describeBadMonth(name));
}

function describeBadMonth(name: string): string {
  const lower = name.toLowerCase();
  if (/^(circa|ca\.?|c\.?|approx\.?)$/.test(lower)) return 'write an approximate year as "c. 1970" (only in |date= and |year=)';
  const long = LONG_MONTHS.find((m) => m.toLowerCase() === lower);
  if (long) return `month name "${name}" must be written "${long}"`;
  const short = SHORT_MONTHS.find((m) => m.toLowerCase() === lower);
  if (short) return `month abbreviation "${name}" must be written "${short}"`;
  if (/^sept\.?$/i.test(name)) return '"Sept" is not an accepted abbreviation; use "Sep" or "September"';
  if (/^[A-Za-z]{3,4}\.$/.test(name)) return `month abbreviations take no period ("${name}")`;
  return `"${name}" is not a month name`;
}

// Month, season, quarter or named day in |date=; only months elsewhere (CS1 get_element_number).
function periodOrReject(name: string, checker: Checker): { month?: number; kind: Cs1DateKind; period?: string } {
  const month = monthNumber(name);
  if (month) return { month, kind: 'month' };
  const dateOnly = (kind: Cs1DateKind) => {
    if (checker.param !== 'date') reject(`a ${kind} ("${name}") is accepted only in |date=`);
    return { kind, period: name };
  };
  if (SEASONS.has(name)) return dateOnly('season');
  const quarter = name.replace(/ +/g, ' ');
  if (QUARTERS.has(quarter)) return { ...dateOnly('quarter'), period: quarter };
  if (NAMED_DAYS.has(name)) return dateOnly('named');
  return reject(describeBadMonth(name));
}

const DASH = '[-–]';
const SPACED_DASH = ` +${DASH} +`;
const DAY = '([1-9]\\d?)';
// A month, season or named-day name: no digits, and it neither starts nor ends with a space, so the ` +` that
// follows it has one way to match (`\D+? +` backtracked quadratically over a run of spaces).
const NAME = '([^\\d ](?:\\D*?[^\\d ])?)';
/** Longer values are not dates: the longest CS1 form ("September 30, 2021 – September 30, 2022a") has 41. */
export const MAX_DATE_LENGTH = 100;
const YEAR4 = '(\\d{4})';
const LETTER = '([A-Za-z]?)';

// CS1's patterns in its order of testing; the same table drives validation and format detection.
const PATTERNS = {
  ymd: /^(\d{4})-(\d{2})-(\d{2})$/u,
  Mdy: new RegExp(`^${NAME} +${DAY}, +(\\d{3,4})${LETTER}$`, 'u'),
  'Md-dy': new RegExp(`^${NAME} +${DAY}${DASH}${DAY}, +${YEAR4}${LETTER}$`, 'u'),
  dMy: new RegExp(`^${DAY} +${NAME} +(\\d{3,4})${LETTER}$`, 'u'),
  'd-dMy': new RegExp(`^${DAY}${DASH}${DAY} +${NAME} +${YEAR4}${LETTER}$`, 'u'),
  'dM-dMy': new RegExp(`^${DAY} +${NAME}${SPACED_DASH}${DAY} +${NAME} +${YEAR4}${LETTER}$`, 'u'),
  'Md-Mdy': new RegExp(`^${NAME} +${DAY}${SPACED_DASH}${NAME} +${DAY}, +${YEAR4}${LETTER}$`, 'u'),
  'dMy-dMy': new RegExp(`^${DAY} +${NAME} +${YEAR4}${SPACED_DASH}${DAY} +${NAME} +${YEAR4}${LETTER}$`, 'u'),
  'Mdy-Mdy': new RegExp(`^${NAME} +${DAY}, +${YEAR4}${SPACED_DASH}${NAME} +${DAY}, +${YEAR4}${LETTER}$`, 'u'),
  'My-My': new RegExp(`^${NAME} +${YEAR4}${SPACED_DASH}${NAME} +${YEAR4}${LETTER}$`, 'u'),
  'M-My': new RegExp(`^${NAME}${DASH}${NAME} +${YEAR4}${LETTER}$`, 'u'),
  // The month part excludes digits and dashes, or "January–March 2019" would match as one name.
  My: new RegExp(`^([^\\d–-]+?) +${YEAR4}${LETTER}$`, 'u'),
  'Sy4-y2': new RegExp(`^${NAME} +${YEAR4}${DASH}(\\d{2})${LETTER}$`, 'u'),
  'Sy-y': new RegExp(`^${NAME} +${YEAR4}${DASH}${YEAR4}${LETTER}$`, 'u'),
  'y-y': new RegExp(`^(\\d{3,4})${DASH}(\\d{3,4})${LETTER}$`, 'u'),
  'y4-y2': new RegExp(`^${YEAR4}${DASH}(\\d{2})${LETTER}$`, 'u'),
  y: /^(\d{3,4})([A-Za-z]?)$/u,
} as const;

type PatternName = keyof typeof PATTERNS;

const FORMAT_OF_PATTERN: Readonly<Record<PatternName, DateFormat>> = {
  ymd: 'ymd', Mdy: 'mdy', 'Md-dy': 'mdy', 'Md-Mdy': 'mdy', 'Mdy-Mdy': 'mdy',
  dMy: 'dmy', 'd-dMy': 'dmy', 'dM-dMy': 'dmy', 'dMy-dMy': 'dmy',
  'My-My': 'other', 'M-My': 'other', My: 'other', 'Sy4-y2': 'other', 'Sy-y': 'other', 'y-y': 'other', 'y4-y2': 'other', y: 'other',
};

function matchPattern(value: string): { name: PatternName; groups: string[] } | undefined {
  if (value.length > MAX_DATE_LENGTH) return undefined;
  for (const name of Object.keys(PATTERNS) as PatternName[]) {
    const match = PATTERNS[name].exec(value);
    if (match) return { name, groups: match.slice(1) };
  }
  return undefined;
}

function validate(value: string, checker: Checker): Omit<ValidCs1Date, 'ok' | 'format' | 'maint'> {
  const matched = matchPattern(value);
  if (!matched) reject(describeUnrecognised(value));
  const g = matched.groups;
  const num = (i: number) => Number(g[i]);
  const letter = (i: number) => (g[i] ? { disambiguator: g[i] } : {});
  switch (matched.name) {
    case 'ymd': {
      const [year, month, day] = [num(0), num(1), num(2)];
      if (month < 1 || month > 12) reject(`month ${g[1]} is not between 01 and 12`);
      if (day < 1) reject('day 00 does not exist');
      if (year < 1582) reject('YYYY-MM-DD dates must be Gregorian (year 1582 or later)');
      checkDay(year, month, day, checker, value);
      return { kind: 'full', start: { year, month, day } };
    }
    case 'Mdy':
    case 'dMy': {
      const [monthName, day, year] = matched.name === 'Mdy' ? [g[0], num(1), num(2)] : [g[1], num(0), num(2)];
      const month = monthOrReject(monthName);
      checkDay(year, month, day, checker, value);
      return { kind: 'full', start: { year, month, day }, ...letter(3) };
    }
    case 'Md-dy':
    case 'd-dMy': {
      const [monthName, day, day2, year] = matched.name === 'Md-dy'
        ? [g[0], num(1), num(2), num(3)] : [g[2], num(0), num(1), num(3)];
      if (day >= day2) reject('a day range must run from earlier to later');
      const month = monthOrReject(monthName);
      checkDay(year, month, day, checker, value);
      checkDay(year, month, day2, checker, `${day2} ${monthName} ${year}`);
      return { kind: 'range', start: { year, month, day }, end: { year, month, day: day2 }, ...letter(4) };
    }
    case 'dM-dMy':
    case 'Md-Mdy': {
      const [day, m1, day2, m2, year] = matched.name === 'dM-dMy'
        ? [num(0), g[1], num(2), g[3], num(4)] : [num(1), g[0], num(3), g[2], num(4)];
      const month = monthOrReject(m1);
      const month2 = monthOrReject(m2);
      if (!sameMonthStyle(m1, m2)) reject(`months in a range must both be long or both abbreviated ("${m1}", "${m2}")`);
      if (month >= month2) reject('a month range must run from earlier to later');
      checkDay(year, month, day, checker, `${day} ${m1} ${year}`);
      checkDay(year, month2, day2, checker, `${day2} ${m2} ${year}`);
      return { kind: 'range', start: { year, month, day }, end: { year, month: month2, day: day2 }, ...letter(5) };
    }
    case 'dMy-dMy':
    case 'Mdy-Mdy': {
      const [day, m1, year, day2, m2, year2] = matched.name === 'dMy-dMy'
        ? [num(0), g[1], num(2), num(3), g[4], num(5)] : [num(1), g[0], num(2), num(4), g[3], num(5)];
      if (year2 <= year) reject('a range of full dates must end in a later year');
      const month = monthOrReject(m1);
      const month2 = monthOrReject(m2);
      if (!sameMonthStyle(m1, m2)) reject(`months in a range must both be long or both abbreviated ("${m1}", "${m2}")`);
      checkDay(year, month, day, checker, `${day} ${m1} ${year}`);
      checkDay(year2, month2, day2, checker, `${day2} ${m2} ${year2}`);
      return { kind: 'range', start: { year, month, day }, end: { year: year2, month: month2, day: day2 }, ...letter(6) };
    }
    case 'My-My': {
      const [m1, year, m2, year2] = [g[0], num(1), g[2], num(3)];
      if (year >= year2) reject('a range must run from an earlier to a later year');
      checkYear(year2, checker);
      const month = monthNumber(m1);
      const month2 = monthNumber(m2);
      if (month && month2) {
        if (!sameMonthStyle(m1, m2)) reject(`months in a range must both be long or both abbreviated ("${m1}", "${m2}")`);
        return { kind: 'range', start: { year, month }, end: { year: year2, month: month2 }, ...letter(4) };
      }
      if (SEASONS.has(m1) && SEASONS.has(m2)) {
        periodOrReject(m1, checker);
        return { kind: 'range', start: { year }, end: { year: year2 }, period: `${m1}–${m2}`, ...letter(4) };
      }
      return reject(month || SEASONS.has(m1) ? describeBadMonth(month ? m2 : m2) : describeBadMonth(m1));
    }
    case 'M-My': {
      const [m1, m2, year] = [g[0], g[1], num(2)];
      checkYear(year, checker);
      const month = monthNumber(m1);
      if (month) {
        const month2 = monthOrReject(m2);
        if (!sameMonthStyle(m1, m2)) reject(`months in a range must both be long or both abbreviated ("${m1}", "${m2}")`);
        if (month >= month2) reject('a month range must run from earlier to later');
        return { kind: 'range', start: { year, month }, end: { year, month: month2 }, ...letter(3) };
      }
      // Any two different seasons are accepted: publishers do issue "Summer–Spring" numbers.
      if (SEASONS.has(m1) && SEASONS.has(m2)) {
        periodOrReject(m1, checker);
        if (SEASONS.get(m1) === SEASONS.get(m2)) reject('a season range needs two different seasons');
        return { kind: 'range', start: { year }, end: { year }, period: `${m1}–${m2}`, ...letter(3) };
      }
      return reject(describeBadMonth(SEASONS.has(m1) ? m2 : m1));
    }
    case 'My': {
      const [name, year] = [g[0], num(1)];
      checkYear(year, checker);
      const period = periodOrReject(name, checker);
      return { kind: period.kind, start: period.month ? { year, month: period.month } : { year }, ...(period.period ? { period: period.period } : {}), ...letter(2) };
    }
    case 'Sy4-y2':
    case 'Sy-y': {
      const [season, year] = [g[0], num(1)];
      const year2 = matched.name === 'Sy-y' ? num(2) : Number(g[1].slice(0, 2) + g[2]);
      if (season !== 'Winter' && season !== 'Summer') reject(`only Winter and Summer can span two years ("${season}")`);
      periodOrReject(season, checker);
      if (year2 - year !== 1) reject('a season spanning two years must end in the next year');
      checkYear(year2, checker);
      return { kind: 'season', start: { year }, end: { year: year2 }, period: season, ...letter(3) };
    }
    case 'y-y': {
      const [year, year2] = [num(0), num(1)];
      if (year >= year2) reject('a year range must run from earlier to later');
      checkYear(year2, checker);
      return { kind: 'range', start: { year }, end: { year: year2 }, ...letter(2) };
    }
    case 'y4-y2': {
      // CS1 refuses 2003-05: it might mean May 2003.
      if (num(1) < 13) reject(`"${value}" is ambiguous (year range or YYYY-MM); write both years in full`);
      const year = num(0);
      const year2 = Number(g[0].slice(0, 2) + g[1]);
      if (year >= year2) reject('a year range must run from earlier to later');
      checkYear(year2, checker);
      return { kind: 'range', start: { year }, end: { year: year2 }, ...letter(2) };
    }
    case 'y': {
      const year = num(0);
      if (year < 100) reject('years need three or four digits');
      checkYear(year, checker);
      return { kind: 'year', start: { year }, ...letter(1) };
    }
  }
}

function describeUnrecognised(value: string): string {
  if (/\[\[|\]\]/.test(value)) return 'wikilinked dates are not accepted';
  if (/\{\{/.test(value)) return 'templates are not accepted in dates (write "c. 1970" rather than {{circa}})';
  if (/\bcirca\b|\bca\.|\bc\.(?! )/i.test(value)) return 'write an approximate year as "c. 1970"';
  if (value.includes('/')) return 'slashes are not an accepted date separator';
  if (/^\d{1,2}-\d{1,2}-\d{2,4}$/.test(value)) return 'numeric dates are accepted only as YYYY-MM-DD';
  if (/^\d{4}-\d{2}$/.test(value)) return 'YYYY-MM is not accepted (it reads as a year range); write the month name';
  if (/^\d{4}-\d-\d|^\d{4}-\d{1,2}-\d(?!\d)/.test(value)) return 'YYYY-MM-DD dates need two-digit months and days';
  if (/(^|\D)0\d(?=\D|$)/.test(value) && /[A-Za-z]/.test(value)) return 'days must not be zero-padded';
  if (/[—]/.test(value)) return 'ranges take an en dash (–), not an em dash';
  if (/\d{1,2} [A-Za-z]+,? '?\d{2}$|[A-Za-z]+ \d{1,2}, '?\d{2}$/.test(value)) return 'years need four digits';
  if (/^[A-Za-z]+ \d{1,2} \d{4}$/.test(value)) return 'month-first dates need a comma after the day ("March 7, 2021")';
  if (/^\d{1,2} [A-Za-z]+, \d{4}$/.test(value)) return 'day-first dates take no comma ("7 March 2021")';
  if (/^\d{4} [A-Za-z]+ \d{1,2}$/.test(value)) return 'year-first dates are accepted only as YYYY-MM-DD';
  const word = /\p{L}+\.?/u.exec(value)?.[0];
  if (word && !monthNumber(word) && !SEASONS.has(word) && !NAMED_DAYS.has(word) && !/^(First|Second|Third|Fourth|Quarter)$/.test(word)) {
    return describeBadMonth(word);
  }
  return 'not one of the date formats CS1 accepts (MOS:DATEFORMAT)';
}

// A hyphen in a range CS1 would otherwise accept is turned into an en dash and tracked, not an error.
function hasRangeHyphen(value: string, pattern: PatternName | undefined): boolean {
  return pattern !== undefined && pattern !== 'ymd' && pattern !== 'y' && value.includes('-');
}

/**
 * Checks one date parameter value as CS1 does; `param` may be an alias (accessdate, air-date), `today` is
 * the current date (the caller's clock), which sets the future-year limit and the access-date window.
 */
export function parseCs1Date(value: string, param: string, today: CalendarDate, dates?: CitationDates): Cs1DateResult {
  if (dates) return parseLocalDate(value, param, today, dates);
  const canonicalParam = DATE_PARAMETER_ALIASES[param] ?? param;
  const text = value.trim();
  const checker: Checker = {
    param: canonicalParam,
    yearLimit: today.year + (canonicalParam === 'pmc-embargo-date' ? 2 : 1),
  };
  if (text === '') return { ok: false, reason: 'the date is empty' };
  if (text.length > MAX_DATE_LENGTH) return { ok: false, reason: `too long to be a date (${text.length} characters)` };
  try {
    const circa = /^c\. ([1-9]\d{2,3})([A-Za-z]?)$/.exec(text);
    if (circa) {
      if (canonicalParam !== 'date' && canonicalParam !== 'year') reject('"c." is accepted only in |date= and |year=');
      const year = Number(circa[1]);
      checkYear(year, checker);
      return { ok: true, kind: 'circa', start: { year }, format: 'other', ...(circa[2] ? { disambiguator: circa[2] } : {}) };
    }
    const noDate = /^(n\.d\.|nd)([A-Za-z]?)$/.exec(text);
    if (noDate) {
      if (canonicalParam !== 'date') reject(`"${noDate[1]}" is accepted only in |date=`);
      return { ok: true, kind: 'no-date', start: { year: 0 }, format: 'other', ...(noDate[2] ? { disambiguator: noDate[2] } : {}) };
    }
    if (canonicalParam === 'year') {
      const yearOnly = /^([1-9]\d{2,3})([A-Za-z]?)$/.exec(text);
      if (!yearOnly) reject('|year= must hold only a year (three or four digits, optionally with a letter)');
      const year = Number(yearOnly[1]);
      checkYear(year, checker);
      return { ok: true, kind: 'year', start: { year }, format: 'other', ...(yearOnly[2] ? { disambiguator: yearOnly[2] } : {}) };
    }
    const pattern = matchPattern(text)?.name;
    const date = validate(text, checker);
    if (canonicalParam === 'access-date') checkAccessDate(date, today);
    if (canonicalParam === 'pmc-embargo-date' && date.kind !== 'full') reject('|pmc-embargo-date= must be a single full date');
    const maint = hasRangeHyphen(text, pattern)
      ? 'hyphen in a date range; CS1 shows an en dash and adds "CS1 maint: date format"'
      : undefined;
    return { ok: true, ...date, format: pattern ? FORMAT_OF_PATTERN[pattern] : 'other', ...(maint ? { maint } : {}) };
  } catch (error) {
    if (error instanceof DateRejection) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * A date on a wiki whose citation profile describes its dates: local digits become ASCII ones; a value in one of the
 * profile's own formats is read into day, month and year and checked as that date; anything else is checked as CS1
 * does, the local month names standing for the English ones (which stay accepted, as ISO does).
 */
function parseLocalDate(value: string, param: string, today: CalendarDate, dates: CitationDates): Cs1DateResult {
  const text = value.trim();
  if (text.length > MAX_DATE_LENGTH) return parseCs1Date(text, param, today);
  const locale = dateLocale(dates);
  const ascii = asciiDigits(text, locale);
  const local = matchLocalFormat(ascii, locale);
  if (typeof local === 'string') return { ok: false, reason: local };
  if (local) {
    const english = englishOf(local);
    const r = parseCs1Date(english, param, today);
    if (!r.ok) return { ok: false, reason: r.reason.split(english).join(text) };
    return { ...r, format: local.order };
  }
  const english = englishMonthNames(ascii, locale);
  const r = parseCs1Date(english, param, today);
  return r.ok || english === text ? r : { ok: false, reason: r.reason.split(english).join(text) };
}

function checkAccessDate(date: Omit<ValidCs1Date, 'ok' | 'format' | 'maint'>, today: CalendarDate): void {
  if (date.kind !== 'full' || date.start.day === undefined) reject('an access date must be a single full date (day, month and year)');
  if (compareDates(date.start, EARLIEST_ACCESS_DATE) < 0) reject('an access date cannot be before Wikipedia began (15 January 2001)');
  const tomorrow = addDays({ year: today.year, month: today.month ?? 12, day: today.day ?? 31 }, 1);
  if (compareDates(date.start, tomorrow) > 0) reject('an access date cannot be in the future');
}

/** Writes a single date (full, month-year or year) in a CS1 format: 7 March 2021, March 7, 2021 or 2021-03-07. */
export function formatDate(date: CalendarDate, format: 'dmy' | 'mdy' | 'iso'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.month === undefined) return String(date.year);
  if (format === 'iso') {
    return date.day === undefined ? `${date.year}-${pad(date.month)}` : `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  }
  const month = LONG_MONTHS[date.month - 1];
  if (date.day === undefined) return `${month} ${date.year}`;
  return format === 'dmy' ? `${date.day} ${month} ${date.year}` : `${month} ${date.day}, ${date.year}`;
}

/** The written format of one date value by its shape alone (no calendar checks): dmy, mdy, ymd or other; undefined when unrecognised. */
export function dateFormatOf(value: string): DateFormat | undefined {
  const pattern = matchPattern(value.trim())?.name;
  return pattern ? FORMAT_OF_PATTERN[pattern] : undefined;
}

/** The dominant day-month format among date values (dmy, mdy or ymd, most frequent first; ties keep that order), or undefined when none has a day. */
export function detectDateFormat(values: readonly string[]): 'dmy' | 'mdy' | 'ymd' | undefined {
  const counts = { dmy: 0, mdy: 0, ymd: 0 };
  for (const value of values) {
    const format = dateFormatOf(value);
    if (format === 'dmy' || format === 'mdy' || format === 'ymd') counts[format]++;
  }
  let best: 'dmy' | 'mdy' | 'ymd' | undefined;
  for (const format of ['dmy', 'mdy', 'ymd'] as const) {
    if (counts[format] > 0 && (best === undefined || counts[format] > counts[best])) best = format;
  }
  return best;
}

const checkedDates = new Map<string, Cs1DateResult>();

/**
 * `parseCs1Date` remembered across calls: a page repeats the same dates many times and every keystroke
 * re-lints it. The key includes today, which changes the result for access dates and future years.
 */
export function parseCs1DateCached(value: string, param: string, today: CalendarDate, dates?: CitationDates): Cs1DateResult {
  const key = `${param}\u0000${today.year}-${today.month}-${today.day}\u0000${value}`;
  let cache = checkedDates;
  if (dates) {
    // one cache per profile's dates: the same value may be a date on one wiki and not on another
    cache = localCaches.get(dates) ?? new Map();
    localCaches.set(dates, cache);
  }
  let r = cache.get(key);
  if (!r) {
    if (cache.size > 20000) cache.clear();
    r = parseCs1Date(value, param, today, dates);
    cache.set(key, r);
  }
  return r;
}
const localCaches = new WeakMap<CitationDates, Map<string, Cs1DateResult>>();

/** The `dates` of a citation profile when they change how dates read; undefined (English) otherwise. */
export function profileDates(profile: { dates?: CitationDates } | undefined): CitationDates | undefined {
  return profile?.dates;
}

/** False when the wiki's citation module does not check dates (`dates.check: false`): no date rule runs there. */
export function datesChecked(profile: { dates?: CitationDates } | undefined): boolean {
  return profile?.dates?.check !== false;
}
