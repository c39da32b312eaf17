import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysInMonth, detectDateFormat, formatDate, parseCs1Date, type Cs1DateResult } from '../../server/src/core/cs1/dates';

const today = { year: 2025, month: 6, day: 1 };

function valid(value: string, param = 'date') {
  const result = parseCs1Date(value, param, today);
  assert.ok(result.ok, `${param}=${value} should be valid: ${!result.ok ? result.reason : ''}`);
  return result;
}

function invalid(value: string, param = 'date', reason?: RegExp) {
  const result: Cs1DateResult = parseCs1Date(value, param, today);
  assert.equal(result.ok, false, `${param}=${value} should be invalid`);
  if (!result.ok && reason) assert.match(result.reason, reason);
}

test('accepted formats from the CS1 help table, with kind and format', () => {
  assert.deepEqual(valid('2021-03-07'), { ok: true, kind: 'full', start: { year: 2021, month: 3, day: 7 }, format: 'ymd' });
  assert.equal(valid('March 7, 2021').format, 'mdy');
  assert.equal(valid('7 March 2021').format, 'dmy');
  assert.equal(valid('7 Mar 2021').format, 'dmy');
  assert.equal(valid('March 2021').kind, 'month');
  assert.equal(valid('Winter 2020').kind, 'season');
  assert.equal(valid('Third Quarter 2019').kind, 'quarter');
  assert.equal(valid('Christmas 2019').kind, 'named');
  assert.equal(valid('1999').kind, 'year');
  assert.equal(valid('850').start.year, 850);
  assert.equal(valid('1999a').disambiguator, 'a');
  assert.equal(valid('c. 1970').kind, 'circa');
  assert.equal(valid('n.d.').kind, 'no-date');
  assert.equal(valid('nd').kind, 'no-date');
});

test('ranges run earlier to later and keep their ends', () => {
  assert.deepEqual(valid('March 5–7, 2021').end, { year: 2021, month: 3, day: 7 });
  assert.equal(valid('5–7 March 2021').format, 'dmy');
  assert.deepEqual(valid('5 March – 7 April 2021').end, { year: 2021, month: 4, day: 7 });
  assert.equal(valid('March 5 – April 7, 2021').format, 'mdy');
  assert.deepEqual(valid('5 March 2020 – 7 April 2021').start, { year: 2020, month: 3, day: 5 });
  assert.equal(valid('March–April 2021').kind, 'range');
  assert.equal(valid('Mar–Apr 2021').kind, 'range');
  assert.equal(valid('March 2020 – April 2021').kind, 'range');
  assert.deepEqual(valid('2002–2003').end, { year: 2003 });
  assert.deepEqual(valid('2012–13').end, { year: 2013 });
  assert.equal(valid('Summer–Spring 2020').kind, 'range');
  assert.deepEqual(valid('Winter 2019–20').end, { year: 2020 });
  invalid('March 7–5, 2021', 'date', /earlier to later/);
  invalid('March 5–5, 2021', 'date', /earlier to later/);
  invalid('April–March 2021', 'date', /earlier to later/);
  invalid('2003–2002', 'date', /earlier to later/);
  invalid('Jan–March 2020', 'date', /both be long or both abbreviated/);
  invalid('Spring 2019–20', 'date', /Winter and Summer/);
  // CS1 refuses YYYY–YY with YY < 13: it might be a month.
  invalid('2003-05', 'date', /ambiguous/);
});

test('a hyphen in an otherwise valid range is maint, not an error; ymd hyphens are not', () => {
  assert.match(valid('2002-2003').maint ?? '', /date format/);
  assert.match(valid('March 5-7, 2021').maint ?? '', /date format/);
  assert.equal(valid('2021-03-07').maint, undefined);
  assert.equal(valid('2002–2003').maint, undefined);
});

test('month names are exact: case, Sept, dotted abbreviations', () => {
  invalid('february 2020', 'date', /"February"/);
  invalid('FEBRUARY 2020', 'date', /"February"/);
  invalid('Sept 2020', 'date', /Sept/);
  invalid('7 Sept. 2020');
  invalid('Febuary 2020', 'date', /not a month name/);
});

test('impossible dates, zero padding, slashes, wikilinks, circa and two-digit years fail', () => {
  invalid('29 February 2019', 'date', /does not exist/);
  invalid('31 April 2020', 'date', /does not exist/);
  invalid('2020-02-30', 'date', /does not exist/);
  invalid('2021-13-01', 'date', /month 13/);
  invalid('January 04, 1987', 'date', /zero-padded/);
  invalid('04 January 1987', 'date', /zero-padded/);
  invalid('07/03/2021', 'date', /slashes/);
  invalid('03-07-2021', 'date', /YYYY-MM-DD/);
  invalid('[[7 March]] 2021', 'date', /wikilinked/);
  invalid('circa 1970', 'date', /c\. 1970/);
  invalid('{{circa|1970}}', 'date', /c\. 1970/);
  invalid('7 March 21');
  invalid('March 7 2021', 'date', /comma/);
  invalid('2021-03', 'date');
  invalid('1500-01-01', 'date', /Gregorian/);
});

test('leap years: Julian before 1582, Gregorian from 1582', () => {
  valid('29 February 1500');
  invalid('29 February 1700');
  valid('29 February 2000');
  valid('29 February 2024');
  assert.equal(daysInMonth(1500, 2), 29);
  assert.equal(daysInMonth(1900, 2), 28);
});

test('future limit: current year + 1, pmc-embargo-date + 2', () => {
  valid('2026');
  invalid('2027', 'date', /future/);
  invalid('March 2027', 'date', /future/);
  invalid('2025–2027', 'date', /future/);
  valid('1 January 2027', 'pmc-embargo-date');
  invalid('1 January 2028', 'pmc-embargo-date', /future/);
});

test('per-parameter allowances: c. in date/year, n.d. and seasons only in date, year holds only a year', () => {
  valid('c. 1970', 'year');
  invalid('c. 1970', 'archive-date', /only in \|date= and \|year=/);
  invalid('n.d.', 'year');
  invalid('n.d.', 'publication-date', /only in \|date=/);
  invalid('Winter 2020', 'publication-date', /only in \|date=/);
  valid('Winter 2020', 'air-date');
  valid('1970a', 'year');
  invalid('March 1970', 'year', /only a year/);
});

test('access-date: a single full date from 2001-01-15 to tomorrow', () => {
  valid('2001-01-15', 'access-date');
  valid('15 January 2001', 'accessdate');
  invalid('2001-01-14', 'access-date', /Wikipedia began/);
  valid('2025-06-02', 'access-date');
  invalid('2025-06-03', 'access-date', /future/);
  invalid('May 2010', 'accessdate', /full date/);
  invalid('2010', 'access-date', /full date/);
  invalid('5–7 March 2021', 'access-date', /full date/);
  // The window follows the caller's today, not the clock.
  assert.equal(parseCs1Date('2030-01-01', 'access-date', { year: 2030, month: 1, day: 1 }).ok, true);
});

test('real corpus citation dates are accepted', () => {
  for (const [value, param] of [['August 30, 2012', 'date'], ['2014-10-04', 'archivedate'], ['17 January 2012', 'archive-date'],
    ['September 8, 2008', 'accessdate'], ['2009', 'year'], ['Spring 2004', 'date'], ['November 2004', 'date']]) {
    valid(value, param);
  }
});

test('formatDate writes dmy, mdy and iso', () => {
  assert.equal(formatDate({ year: 2021, month: 3, day: 7 }, 'dmy'), '7 March 2021');
  assert.equal(formatDate({ year: 2021, month: 3, day: 7 }, 'mdy'), 'March 7, 2021');
  assert.equal(formatDate({ year: 2021, month: 3, day: 7 }, 'iso'), '2021-03-07');
  assert.equal(formatDate({ year: 2021, month: 3 }, 'mdy'), 'March 2021');
  assert.equal(formatDate({ year: 2021, month: 3 }, 'iso'), '2021-03');
  assert.equal(formatDate({ year: 2021 }, 'dmy'), '2021');
});

test('detectDateFormat picks the most frequent day-month order', () => {
  assert.equal(detectDateFormat(['7 March 2021', '8 March 2021', 'March 9, 2021']), 'dmy');
  assert.equal(detectDateFormat(['March 9, 2021', 'March 2021', '2021-03-07', 'April 1, 2020']), 'mdy');
  assert.equal(detectDateFormat(['2021-03-07', 'March 2021']), 'ymd');
  assert.equal(detectDateFormat(['March 2021', '2020', 'rubbish']), undefined);
});
