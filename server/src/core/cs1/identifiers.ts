// Identifier checks of Module:Citation/CS1/Identifiers (en.wiki, late 2022): ISBN, ISSN/EISSN and DOI.
// Each check returns undefined for a valid value, or the reason CS1 gives (the ISBN reasons are CS1's own
// words, shown as "Check |isbn= value: <reason>").

/** True when a value is wrapped in CS1 accept-as-written markup ((…)), which suppresses identifier errors. */
export function isAcceptedAsWritten(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.startsWith('((') && trimmed.endsWith('))');
}

// ISBN-10 and ISSN: weighted sum with weights len..1, X = 10, divisible by 11.
function isValidIsxn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const value = digits[i] === 'X' ? 10 : Number(digits[i]);
    sum += value * (digits.length - i);
  }
  return sum % 11 === 0;
}

// ISBN-13 and ISMN: weights 1,3,1,3… over all 13 digits, divisible by 10.
function isValidIsxn13(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}

/** Why CS1 rejects an ISBN ("invalid character", "length", "invalid form", "checksum", "invalid group id", "invalid prefix"), or undefined when valid or accepted as written. */
export function isbnError(value: string): string | undefined {
  if (isAcceptedAsWritten(value)) return undefined;
  const written = value.trim();
  if (/[^\s\-0-9X]/.test(written)) return 'invalid character';
  const id = written.replace(/[\s-]/g, '');
  if (id.length !== 10 && id.length !== 13) return 'length';
  if (id.length === 10) {
    if (!/^\d*X?$/.test(id)) return 'invalid form';
    if (!isValidIsxn(id)) return 'checksum';
    // 630/631 prefixes are Amazon ASINs, not ISBN group ids.
    if (/^63[01]/.test(id)) return 'invalid group id';
    return undefined;
  }
  // CS1 tests an ISBN-13 in this order: characters, prefix, the ISMN-reserved group, then the checksum.
  if (!/^\d+$/.test(id)) return 'invalid character';
  if (!/^97[89]/.test(id)) return 'invalid prefix';
  if (id.startsWith('9790')) return 'invalid group id';
  return isValidIsxn13(id) ? undefined : 'checksum';
}

/** Why CS1 rejects an ISSN or EISSN (length, characters, checksum), or undefined when valid or accepted as written. */
export function issnError(value: string): string | undefined {
  if (isAcceptedAsWritten(value)) return undefined;
  const id = value.trim().replace(/[\s-]/g, '');
  if (id.length !== 8) return 'length: an ISSN has 8 characters';
  if (!/^\d{7}[\dX]$/.test(id)) return 'invalid character: digits only, with an optional final X';
  return isValidIsxn(id) ? undefined : 'checksum';
}

// Registrant codes CS1 refuses: outside 1000–9999 and 10000–59999 (10000–39999 with a subcode),
// more than five digits, fewer than four without a subcode, the 5555 test prefix, and non-digit characters.
const BAD_DOI_REGISTRANTS: readonly RegExp[] = [
  /^[^1-3]\d{4}\.\d+$/,
  /^[^1-5]\d{4}$/,
  /^[^1-9]\d{3}\.\d+$/,
  /^[^1-9]\d{3}$/,
  /^\d{6,}/,
  /^\d{1,3}$/,
  /^5555$/,
  /[^\d.]/,
];

/** Why CS1 rejects a DOI (form, suffix, registrant), or undefined when valid or accepted as written. */
export function doiError(value: string): string | undefined {
  if (isAcceptedAsWritten(value)) return undefined;
  const id = value.trim();
  const form = /^10\.([^/]+)\/(.+)$/u.exec(id);
  if (!form) return 'a DOI must have the form 10.<registrant>/<suffix>';
  const [, registrant, suffix] = form;
  if (/[\s–]/u.test(suffix)) return 'the DOI suffix must not contain spaces or en dashes';
  if (/[.,]$/.test(suffix)) return 'a DOI must not end with "." or ","';
  if (BAD_DOI_REGISTRANTS.some((pattern) => pattern.test(registrant))) return `"10.${registrant}" is not a valid DOI registrant code`;
  return undefined;
}
