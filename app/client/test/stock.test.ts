// Serialised packs without a node: serials as typed or scanned (parseSerials) and counted up
// from a first one (serialRange), every refusal a typed ChainError.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ChainError, MAX_SERIALS_PER_CALL, parseSerials, serialRange } from '../src/index.js';

function chainError(code: string): (e: unknown) => true {
  return (e: unknown) => {
    assert.ok(e instanceof ChainError, `expected ChainError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return true;
  };
}

const LOT = { gtin: '06901234567106', lotNumber: 'MR-2026-001' };

describe('parseSerials', () => {
  it('reads one serial per line, blank lines and spaces around them skipped', () => {
    assert.deepEqual(parseSerials('MR-0001\n\n  MR-0002 \r\nMR-0003\n'), ['MR-0001', 'MR-0002', 'MR-0003']);
  });

  it('takes the serial of a scanned or printed pack code of the same batch', () => {
    assert.deepEqual(parseSerials(`(01)${LOT.gtin}(17)281130(10)${LOT.lotNumber}(21)MR-0007\n]d201${LOT.gtin}10${LOT.lotNumber}\u001d21MR-0008`, LOT), ['MR-0007', 'MR-0008']);
  });

  it('refuses a pack code of another batch, without a serial, or unreadable', () => {
    assert.throws(() => parseSerials(`(01)${LOT.gtin}(10)OTHER-LOT(21)MR-0007`, LOT), chainError('PackOfAnotherLot'));
    assert.throws(() => parseSerials(`(01)06901234567892(10)${LOT.lotNumber}(21)MR-0007`, LOT), chainError('PackOfAnotherLot'));
    assert.throws(() => parseSerials(`(01)${LOT.gtin}(10)${LOT.lotNumber}`, LOT), chainError('DrugProvenance.InvalidSerial'));
    assert.throws(() => parseSerials('(99)garbage', LOT), chainError('DrugProvenance.InvalidSerial'));
  });

  it('refuses characters or lengths GS1 does not allow, a serial twice, none, or too many', () => {
    assert.throws(() => parseSerials('MR 0001'), chainError('DrugProvenance.InvalidSerial'));
    assert.throws(() => parseSerials('序列号'), chainError('DrugProvenance.InvalidSerial'));
    assert.throws(() => parseSerials('S'.repeat(21)), chainError('DrugProvenance.InvalidSerial'));
    assert.throws(() => parseSerials('MR-0001\nMR-0002\nMR-0001'), chainError('DrugProvenance.DuplicateSerial'));
    assert.throws(() => parseSerials(' \n \n'), chainError('DrugProvenance.InvalidQuantity'));
    const many = Array.from({ length: MAX_SERIALS_PER_CALL + 1 }, (_, i) => `S${i}`).join('\n');
    assert.throws(() => parseSerials(many), chainError('DrugProvenance.InvalidQuantity'));
    assert.equal(parseSerials(many.split('\n').slice(0, MAX_SERIALS_PER_CALL).join('\n')).length, MAX_SERIALS_PER_CALL);
  });
});

describe('serialRange', () => {
  it('counts up the trailing digits, keeping their width and the prefix', () => {
    assert.deepEqual(serialRange('MR-0098', 3), ['MR-0098', 'MR-0099', 'MR-0100']);
    assert.deepEqual(serialRange(' 7 ', 2), ['7', '8']);
    assert.deepEqual(serialRange('A1B009', 1), ['A1B009']);
  });

  it('refuses a first serial without trailing digits or not a serial, a count out of range, or more digits than it has', () => {
    assert.throws(() => serialRange('MR-A', 3), chainError('DrugProvenance.InvalidSerial'));
    assert.throws(() => serialRange('MR 01', 3), chainError('DrugProvenance.InvalidSerial'));
    assert.throws(() => serialRange('', 3), chainError('DrugProvenance.InvalidSerial'));
    assert.throws(() => serialRange('MR-01', 0), chainError('DrugProvenance.InvalidQuantity'));
    assert.throws(() => serialRange('MR-01', 1.5), chainError('DrugProvenance.InvalidQuantity'));
    assert.throws(() => serialRange('MR-01', MAX_SERIALS_PER_CALL + 1), chainError('DrugProvenance.InvalidQuantity'));
    assert.throws(() => serialRange('MR-98', 3), chainError('DrugProvenance.InvalidSerial'));
  });
});
