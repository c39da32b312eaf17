import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doiError, isAcceptedAsWritten, isbnError, issnError } from '../../server/src/core/cs1/identifiers';

test('valid ISBNs from corpus citations pass, with hyphens or spaces', () => {
  for (const isbn of ['978-3-11-042715-8', '9782228891165', '0-7172-0133-3', '978-1-59339-837-8', '0 7172 2068 0', '0-8044-2957-X']) {
    assert.equal(isbnError(isbn), undefined, isbn);
  }
});

test('ISBN reasons in CS1 order', () => {
  assert.equal(isbnError('0-7172-0133-x'), 'invalid character');
  assert.equal(isbnError('ISBN 0-7172-0133-3'), 'invalid character');
  assert.equal(isbnError('0-7172-0133'), 'length');
  assert.equal(isbnError('978-3-11-04271'), 'length');
  assert.equal(isbnError('0-71X2-0133-3'), 'invalid form');
  assert.equal(isbnError('0-7172-0133-4'), 'checksum');
  assert.equal(isbnError('978-3-11-042715-9'), 'checksum');
  // 630/631 are Amazon ASINs; tested after the checksum.
  assert.equal(isbnError('6301234561'), 'invalid group id');
  assert.equal(isbnError('9790000000001'), 'invalid group id');
  assert.equal(isbnError('9770000000001'), 'invalid prefix');
  assert.equal(isbnError('978000000000X'), 'invalid character');
});

test('accept-as-written markup suppresses identifier errors', () => {
  assert.equal(isAcceptedAsWritten(' ((0-7172-0133-4)) '), true);
  assert.equal(isbnError('((0-7172-0133-4))'), undefined);
  assert.equal(issnError('((1234-5678))'), undefined);
  assert.equal(doiError('((10.5555/test))'), undefined);
});

test('ISSN and EISSN checksum', () => {
  for (const issn of ['1055-7903', '1573-7225', '0012-9011', '0317-8471', '2049-3630']) assert.equal(issnError(issn), undefined, issn);
  assert.equal(issnError('1050-124X'), undefined);
  assert.equal(issnError('1055-7904'), 'checksum');
  assert.match(issnError('1055-790') ?? '', /length/);
  assert.match(issnError('1055-79x3') ?? '', /invalid character/);
});

test('DOI form, suffix and registrant rules', () => {
  for (const doi of ['10.2143/SI.16.2.2014604', '10.1007/BF00182435', '10.1145/366959.366961', '10.12345/abc', '10.1000.10/xyz']) {
    assert.equal(doiError(doi), undefined, doi);
  }
  assert.match(doiError('doi:10.1007/BF00182435') ?? '', /form/);
  assert.match(doiError('10.1007') ?? '', /form/);
  assert.match(doiError('10.1007/BF 00182435') ?? '', /spaces/);
  assert.match(doiError('10.1007/BF00182435.') ?? '', /end with/);
  assert.match(doiError('10.5555/12345678') ?? '', /registrant/);
  assert.match(doiError('10.0999/abc') ?? '', /registrant/);
  assert.match(doiError('10.60000/abc') ?? '', /registrant/);
  assert.match(doiError('10.40000.1/abc') ?? '', /registrant/);
  assert.match(doiError('10.123/abc') ?? '', /registrant/);
  assert.match(doiError('10.123456/abc') ?? '', /registrant/);
});
