// ChainError decodes a DispatchError through the metadata into Pallet.Error and plain English.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Registry } from '@polkadot/types/types';

import { ChainError, type DispatchErrorLike } from '../src/errors.js';

// Only findMetaError is used; the live-node test checks it against real metadata.
const registry = {
  findMetaError: () => ({ section: 'patientRecords', name: 'NoWriteAccess', docs: ['The caller may not write this patient\'s records.'], index: 21, error: 10, method: 'NoWriteAccess', args: [], fields: [] }),
} as unknown as Registry;

const moduleError: DispatchErrorLike = { isModule: true, asModule: new Uint8Array([21, 10, 0, 0, 0]), type: 'Module', toString: () => 'Module' };

describe('ChainError', () => {
  it('names a module error Pallet.Error with a plain message, keeping the runtime docs', () => {
    const e = ChainError.fromDispatchError(registry, moduleError);
    assert.equal(e.code, 'PatientRecords.NoWriteAccess');
    assert.equal(e.pallet, 'PatientRecords');
    assert.match(e.message, /not given your organisation access to write/);
    assert.equal(e.docs, 'The caller may not write this patient\'s records.');
  });
  it('falls back to the docs for errors without a plain message', () => {
    const r = { findMetaError: () => ({ section: 'consent', name: 'GrantExpired', docs: ['The grant', 'has expired.'] }) } as unknown as Registry;
    const e = ChainError.fromDispatchError(r, moduleError);
    assert.equal(e.code, 'Consent.GrantExpired');
    assert.equal(e.message, 'The grant has expired.');
  });
  it('keeps non-module errors by kind', () => {
    const e = ChainError.fromDispatchError(registry, { isModule: false, asModule: new Uint8Array(), type: 'BadOrigin', toString: () => 'BadOrigin' });
    assert.equal(e.code, 'BadOrigin');
    assert.equal(e.pallet, undefined);
  });
});
