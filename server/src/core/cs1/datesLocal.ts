/**
 * Dates as a non-English wiki's citation module reads them (`CitationProfile.dates`): local digits, month names
 * (nominative, genitive, abbreviated) and the local orderings and suffixes of `formats` (`YYYY թ․ MMMMG D`,
 * `YYYY年M月D日`, `D. MMMM YYYY`). A local date is read into its day, month and year and then checked by the
 * English validator (`dates.ts`), so the calendar checks, the future-year limit and the access-date window are
 * the same everywhere: 31 February is still wrong in German. Module:Citation/CS1/Date_validation does the same:
 * it turns local digits into Western ones and accepts the local month names (`date_names.local`) besides the
 * English ones (`date_names.en`), and ISO `YYYY-MM-DD` everywhere.
 *
 * Linear: a value is bounded (`MAX_DATE_LENGTH`) before any pattern runs, and the month alternations are
 * literal names, tried at each position of that bounded value.
 */
import type { CitationDates } from '../profile';
import { MONTH_NAMES } from '../text';
import type { DateFormat } from './dates';

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type Field = 'Y' | 'M' | 'D';

interface LocalFormat {
  /** The profile's pattern as written (`YYYY թ․ MMMMG D`). */
  pattern: string;
  re: RegExp;
  /** What each capture group holds: the year, the month (a number or a local name), the day. */
  fields: Field[];
  order: DateFormat;
}

/** A profile's date knowledge, compiled once. */
export interface DateLocale {
  readonly dates: CitationDates;
  /** Local digit → ASCII digit; null when the wiki writes ASCII digits. */
  readonly digits: Map<string, string> | null;
  /** Lower-cased local month name → month number (1–12) and whether it is an abbreviation. */
  readonly names: Map<string, { month: number; short: boolean }>;
  /** Every local month name, longest first, as one alternation (empty when the profile has none). */
  readonly wordRe: RegExp | null;
  readonly formats: LocalFormat[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new WeakMap<CitationDates, DateLocale>();

/** The compiled locale of a profile's `dates` (cached per object). */
export function dateLocale(dates: CitationDates): DateLocale {
  let l = compiled.get(dates);
  if (!l) {
    l = compile(dates);
    compiled.set(dates, l);
  }
  return l;
}

function compile(dates: CitationDates): DateLocale {
  let digits: Map<string, string> | null = null;
  if (dates.digits) {
    digits = new Map();
    [...dates.digits].forEach((d, i) => digits!.set(d, String(i)));
  }
  const names = new Map<string, { month: number; short: boolean }>();
  const add = (list: string[] | undefined, short: boolean) => list?.forEach((n, i) => {
    const key = n.toLowerCase();
    // a name that is both long and abbreviated (French "mai") counts as long
    if (!names.has(key) || (!short && names.get(key)!.short)) names.set(key, { month: i + 1, short });
  });
  add(dates.months, false);
  add(dates.genitive, false);
  add(dates.abbreviations, true);
  const alt = (list: string[] | undefined) => (list ?? []).slice().sort((a, b) => b.length - a.length).map(escape).join('|');
  const all = [...names.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
  // a name is a whole word: no letter or combining mark just before or after it
  const wordRe = all ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${all})(?![\\p{L}\\p{M}\\p{N}])`, 'giu') : null;
  const formats: LocalFormat[] = [];
  for (const f of dates.formats ?? []) {
    const fields: Field[] = [];
    let re = '';
    let i = 0;
    const named = (list: string[] | undefined) => {
      const a = alt(list);
      return a ? `(${a})` : '(?!)';
    };
    while (i < f.length) {
      const rest = f.slice(i);
      const tok = /^(YYYY|MMMMG|MMMM|MMM|MM|M|DD|D)/.exec(rest)?.[1];
      if (tok === 'YYYY') { re += '(\\d{4})'; fields.push('Y'); }
      else if (tok === 'MMMMG') { re += named(dates.genitive ?? dates.months); fields.push('M'); }
      else if (tok === 'MMMM') { re += named(dates.months); fields.push('M'); }
      else if (tok === 'MMM') { re += named(dates.abbreviations); fields.push('M'); }
      else if (tok === 'MM') { re += '(\\d{2})'; fields.push('M'); }
      else if (tok === 'M') { re += '(\\d{1,2})'; fields.push('M'); }
      else if (tok === 'DD') { re += '(\\d{2})'; fields.push('D'); }
      else if (tok === 'D') { re += '(\\d{1,2})'; fields.push('D'); }
      if (tok) {
        i += tok.length;
        continue;
      }
      // literal text; a run of spaces in the pattern matches one or more spaces (or no-break spaces)
      if (f[i] === ' ') {
        while (f[i] === ' ') i++;
        re += '[ \\u00a0]+';
        continue;
      }
      re += escape(f[i]);
      i++;
    }
    const order = fields.filter((x) => x !== 'Y').join('') === 'MD' ? (fields[0] === 'Y' ? 'ymd' : 'mdy') : fields[0] === 'Y' ? 'ymd' : fields.includes('D') ? 'dmy' : 'other';
    if (fields.includes('Y')) formats.push({ pattern: f, re: new RegExp(`^${re}$`, 'iu'), fields, order });
  }
  return { dates, digits, names, wordRe, formats };
}

/** The value with local digits written as ASCII ones. */
export function asciiDigits(value: string, locale: DateLocale): string {
  const d = locale.digits;
  if (!d) return value;
  let out = '';
  for (const ch of value) out += d.get(ch) ?? ch;
  return out;
}

/** A date read by one of the profile's own formats. */
export interface LocalDate {
  year: number;
  month: number;
  day?: number;
  order: DateFormat;
}

/** Reads a value (ASCII digits already) with the profile's `formats`; a string is the reason it is impossible. */
export function matchLocalFormat(value: string, locale: DateLocale): LocalDate | string | undefined {
  for (const f of locale.formats) {
    const m = f.re.exec(value);
    if (!m) continue;
    let year = 0, month = 0, day: number | undefined;
    for (let i = 0; i < f.fields.length; i++) {
      const v = m[i + 1];
      if (f.fields[i] === 'Y') year = Number(v);
      else if (f.fields[i] === 'D') day = Number(v);
      else month = /^\d+$/.test(v) ? Number(v) : locale.names.get(v.toLowerCase())?.month ?? 0;
    }
    if (month < 1 || month > 12) return `month ${month} is not between 1 and 12`;
    if (day !== undefined && day < 1) return 'day 0 does not exist';
    return { year, month, ...(day !== undefined ? { day } : {}), order: f.order };
  }
  return undefined;
}

/**
 * The profile's pattern a date value is written in (`YYYY年M月D日`), or undefined when it is in none of them (an ISO
 * or English-style date). Local digits are read; a value longer than `maxLength` is none (the validator's bound).
 */
export function localFormatOf(value: string, dates: CitationDates, maxLength: number): string | undefined {
  const text = value.trim();
  if (text.length > maxLength) return undefined;
  const locale = dateLocale(dates);
  const ascii = asciiDigits(text, locale);
  return locale.formats.find((f) => f.re.test(ascii))?.pattern;
}

/** The same date written in English for the CS1 validator (`7 March 2021`, `March 2021`). */
export function englishOf(d: LocalDate): string {
  const m = MONTH_NAMES[d.month - 1];
  return d.day === undefined ? `${m} ${d.year}` : `${d.day} ${m} ${d.year}`;
}

/** The value with every local month name replaced by the English one (long, or abbreviated for an abbreviation). */
export function englishMonthNames(value: string, locale: DateLocale): string {
  if (!locale.wordRe) return value;
  return value.replace(locale.wordRe, (w) => {
    const n = locale.names.get(w.toLowerCase());
    return n ? (n.short ? SHORT : MONTH_NAMES)[n.month - 1] : w;
  });
}

/**
 * The pattern a date inserted on this wiki is written in: the profile's first format with a day, month and year
 * (`full`), or with a month and year and no day (`month`, for a month stamp such as `{{dead link|date=}}`; a full
 * format when the profile has none); undefined when the profile has no such format (the caller writes ISO).
 */
export function insertionPattern(dates: CitationDates, kind: 'full' | 'month'): string | undefined {
  const fields = (f: string) => f.match(/YYYY|MMMMG|MMMM|MMM|MM|M|DD|D/g) ?? [];
  const has = (f: string, c: string) => fields(f).some((x) => x[0] === c);
  // a pattern is usable when the profile has the names it writes
  const named: Record<string, unknown> = { MMMMG: dates.genitive ?? dates.months, MMMM: dates.months, MMM: dates.abbreviations };
  const usable = (f: string) => has(f, 'Y') && has(f, 'M') && fields(f).every((x) => !(x in named) || !!named[x]);
  const formats = (dates.formats ?? []).filter(usable);
  if (kind === 'month') {
    const m = formats.find((f) => !has(f, 'D'));
    if (m) return m;
  }
  return formats.find((f) => has(f, 'D'));
}

/**
 * A date written in one of the profile's patterns (`YYYY թ․ MMMMG D` → `2026 թ․ դեկտեմբերի 1`), with the wiki's own
 * digits when the profile gives them; a field the date lacks is left out with nothing around it.
 */
export function formatLocalDate(date: { year: number; month?: number; day?: number }, pattern: string, dates: CitationDates): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = date.month ?? 1;
  const day = date.day ?? 1;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const tok = /^(YYYY|MMMMG|MMMM|MMM|MM|M|DD|D)/.exec(pattern.slice(i))?.[1];
    if (!tok) {
      out += pattern[i++];
      continue;
    }
    i += tok.length;
    switch (tok) {
      case 'YYYY': out += String(date.year); break;
      case 'MMMMG': out += (dates.genitive ?? dates.months)![month - 1]; break;
      case 'MMMM': out += dates.months![month - 1]; break;
      case 'MMM': out += dates.abbreviations![month - 1]; break;
      case 'MM': out += pad(month); break;
      case 'M': out += String(month); break;
      case 'DD': out += pad(day); break;
      case 'D': out += String(day); break;
    }
  }
  if (!dates.digits) return out;
  const digits = [...dates.digits];
  return out.replace(/[0-9]/g, (d) => digits[Number(d)]);
}
