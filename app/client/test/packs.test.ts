// Pack codes and donation numbers without a node: the printed and the scanned forms of a GS1
// code read the same; every kind of code that is not a checkable pack is refused with its kind.
// The chain's answers (checkPack, traceDonation) are tested against a real node in
// packs.integration.test.ts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ChainError, MAX_PACK_CODE_LENGTH, PackCodeError, packCodeText, parseDonationId, parsePackCode, type PackCodeErrorKind } from '../src/index.js';

const GS = '\u001d';
const AMOXICILLIN = '06901234567892';

function refused(input: string, kind: PackCodeErrorKind): void {
  assert.throws(() => parsePackCode(input), (e: unknown) => {
    assert.ok(e instanceof PackCodeError, `expected PackCodeError ${kind}, got ${String(e)}`);
    assert.equal(e.kind, kind, `${JSON.stringify(input)}: ${e.message}`);
    return true;
  });
}

describe('parsePackCode', () => {
  it('reads the printed form: GTIN, expiry, lot and serial, in any order', () => {
    assert.deepEqual(parsePackCode(`(01)${AMOXICILLIN}(17)280901(10)AMX-2026-001(21)S1`),
      { gtin: AMOXICILLIN, lotNumber: 'AMX-2026-001', serial: 'S1', expiry: '2028-09-01' });
    assert.deepEqual(parsePackCode(`(10)AMX-2026-001(01)${AMOXICILLIN}`), { gtin: AMOXICILLIN, lotNumber: 'AMX-2026-001' });
  });

  it('reads what a scanner gives: a symbology identifier, FNC1 as GS, or nothing between fixed-length fields', () => {
    const expected = { gtin: AMOXICILLIN, lotNumber: 'AMX-2026-001', expiry: '2028-09-01' };
    assert.deepEqual(parsePackCode(`]d201${AMOXICILLIN}17280901${GS}10AMX-2026-001`), expected);
    assert.deepEqual(parsePackCode(`01${AMOXICILLIN}1728090110AMX-2026-001`), expected);
    assert.deepEqual(parsePackCode(`]C101${AMOXICILLIN}10LOT1${GS}21SER-9`), { gtin: AMOXICILLIN, lotNumber: 'LOT1', serial: 'SER-9' });
  });

  it('ignores spaces, full-width ones too, as a person types them', () => {
    assert.deepEqual(parsePackCode(` (01) ${AMOXICILLIN}\u3000(10) AMX-2026-001\n`), { gtin: AMOXICILLIN, lotNumber: 'AMX-2026-001' });
  });

  it('takes day 00 as the last day of the month, as GS1 allows', () => {
    assert.equal(parsePackCode(`(01)${AMOXICILLIN}(17)280200(10)A`).expiry, '2028-02-29');
  });

  it('round-trips through the printed form', () => {
    for (const text of [`(01)${AMOXICILLIN}(17)280901(10)AMX-2026-001(21)S1`, `(01)${AMOXICILLIN}(10)X.Y/Z`]) {
      assert.equal(packCodeText(parsePackCode(text)), text);
    }
  });

  it('refuses what is not a checkable pack code, naming why', () => {
    refused('', 'Empty');
    refused('   ', 'Empty');
    refused('x'.repeat(MAX_PACK_CODE_LENGTH + 1), 'TooLong');
    refused('hello', 'NotPackCode');
    refused('https://example.com/pack', 'NotPackCode');
    refused('(10)ABC', 'NoGtin');
    refused(`(01)06901234567893(10)A`, 'BadGtin');
    refused('6901234567893', 'BadGtin');
    refused(`(01)${AMOXICILLIN}`, 'NoLot');
    refused('6901234567892', 'NoLot');
    refused(AMOXICILLIN, 'NoLot');
    refused(`(01)${AMOXICILLIN}(10)ABCDEFGHIJKLMNOPQRSTU`, 'BadLot');
    refused(`(01)${AMOXICILLIN}(10)AB#C`, 'BadLot');
    refused(`(01)${AMOXICILLIN}(10)A(21)${'x'.repeat(21)}`, 'BadSerial');
    refused(`(01)${AMOXICILLIN}(10)A(21)S#1`, 'BadSerial');
    refused(`(01)${AMOXICILLIN}(17)281301(10)A`, 'BadExpiry');
    refused(`(01)${AMOXICILLIN}(17)280231(10)A`, 'BadExpiry');
  });
});

describe('parseDonationId', () => {
  it('reads a donation number as printed on a receipt', () => {
    assert.equal(parseDonationId('3'), 3n);
    assert.equal(parseDonationId(' #42 '), 42n);
    assert.equal(parseDonationId('18446744073709551615'), 2n ** 64n - 1n);
  });

  it('refuses anything else with ChainError InvalidArgument', () => {
    for (const input of ['', 'abc', '-1', '1.5', '0x10', '18446744073709551616', '1'.repeat(21)]) {
      assert.throws(() => parseDonationId(input), (e: unknown) => e instanceof ChainError && e.error === 'InvalidArgument', input);
    }
  });
});
