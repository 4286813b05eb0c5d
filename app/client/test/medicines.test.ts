// "My medicines" without a node: the commitment (a fixed vector computed with Python's
// hashlib.blake2b, and again through polkadot.js's SCALE codec), the MedicationDispense record
// as dispenseToPatient writes it and as medicinesOf reads it, GTINs, record references.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ApiPromise } from '@polkadot/api';
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';

import {
  buildDispenseResource, ChainError, checkDispense, dayToIsoDate, dispensationCommitment, DISPENSATION_SALT_SYSTEM, DISPENSATION_SYSTEM, encodeResource,
  GTIN_SYSTEM, isGs1Text, isValidGtin, medicinesOf, parseDispenseResource, parseRecordReference, recordReference, SERIAL_SYSTEM,
  validateResource, VaultClient, type Actor, type DispenseArgs, type DispenseRecordContent, type FhirResource,
} from '../src/index.js';
import { rejectsKind, throwsKind } from './helpers.js';

const EVE = '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw';
const EVE_ID = '0xe659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e';
const SALT = Uint8Array.from({ length: 32 }, (_, i) => i);

function chainError(code: string): (e: unknown) => true {
  return (e: unknown) => {
    assert.ok(e instanceof ChainError, `expected ChainError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return true;
  };
}

describe('the dispensation commitment', () => {
  // python3: hashlib.blake2b(eve + (2**40 + 7).to_bytes(8, 'little') + bytes(range(32)), digest_size=32)
  const vectors = [
    { record: 7n, scaleRecord: '0x0700000000000000', commitment: '0xb46aeb49feb8b397b5149cfe6fed7d9db1a00b4ed2a455502cfcfa3a69dba6bc' },
    { record: 2n ** 40n + 7n, scaleRecord: '0x0700000000010000', commitment: '0x42b6f2da19f254839b71a329ed07b87e1ef20d0fa85cbca5a9e01db17ac05688' },
  ];

  it('is blake2_256(account ‖ u64 little-endian ‖ salt), as an independent blake2b computes it', () => {
    assert.equal(u8aToHex(decodeAddress(EVE)), EVE_ID);
    for (const v of vectors) {
      assert.equal(u8aToHex(dispensationCommitment(EVE, v.record, SALT)), v.commitment);
      // The same with the account id given as bytes.
      assert.equal(u8aToHex(dispensationCommitment(hexToU8a(EVE_ID), v.record, SALT)), v.commitment);
    }
  });

  it('is what SCALE gives for (AccountId32, u64) followed by the salt', () => {
    const registry = new TypeRegistry();
    for (const v of vectors) {
      const account = registry.createType('AccountId32', EVE).toU8a();
      const record = registry.createType('u64', v.record).toU8a();
      assert.equal(account.length, 32);
      assert.equal(u8aToHex(record), v.scaleRecord);
      assert.equal(u8aToHex(blake2AsU8a(u8aConcat(account, record, SALT), 256)), v.commitment);
    }
  });

  it('changes with the patient, the record and the salt', () => {
    const base = u8aToHex(dispensationCommitment(EVE, 7n, SALT));
    const other = Uint8Array.from(SALT);
    other[31] = 0xff;
    assert.notEqual(u8aToHex(dispensationCommitment(EVE, 8n, SALT)), base);
    assert.notEqual(u8aToHex(dispensationCommitment(EVE, 7n, other)), base);
    assert.notEqual(u8aToHex(dispensationCommitment('5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y', 7n, SALT)), base);
  });

  it('refuses a salt that is not 32 bytes and a record id that is not a u64', () => {
    assert.throws(() => dispensationCommitment(EVE, 7n, SALT.slice(1)), chainError('InvalidArgument'));
    assert.throws(() => dispensationCommitment(EVE, 7n, new Uint8Array(33)), chainError('InvalidArgument'));
    assert.throws(() => dispensationCommitment(EVE, 2n ** 64n, SALT), chainError('InvalidArgument'));
    assert.throws(() => dispensationCommitment(EVE, -1n, SALT), chainError('InvalidArgument'));
  });
});

describe('GTINs, lot numbers, record references, days', () => {
  it('checks the GS1 check digit as the pallet does', () => {
    for (const ok of ['06901234567892', '06901234567106', '04006381333931']) assert.ok(isValidGtin(ok), ok);
    for (const bad of ['06901234567893', '6901234567892', '069012345678920', '0690123456789X', '']) assert.ok(!isValidGtin(bad), bad);
  });
  it('takes GS1 lot numbers and serials of 1 to 20 characters', () => {
    for (const ok of ['AMX-2026-001', 'P1', 'A'.repeat(20), 'x/y.z_(1)']) assert.ok(isGs1Text(ok), ok);
    for (const bad of ['', 'A'.repeat(21), 'has space', 'quote"', 'émoji']) assert.ok(!isGs1Text(bad), bad);
  });
  it('names records ruralmed:record/<id>', () => {
    assert.equal(recordReference(42n), 'ruralmed:record/42');
    assert.equal(parseRecordReference('ruralmed:record/42'), 42n);
    assert.equal(parseRecordReference(recordReference(2n ** 64n - 1n)), 2n ** 64n - 1n);
    for (const bad of ['ruralmed:record/', 'ruralmed:record/x', 'ruralmed:record/-1', 'Patient/42', `ruralmed:record/${2n ** 64n}`]) {
      assert.equal(parseRecordReference(bad), undefined, bad);
    }
  });
  it('writes expiry days as ISO dates', () => {
    assert.equal(dayToIsoDate(21_428), '2028-09-01'); // the demo amoxicillin lot's expiry
    assert.equal(dayToIsoDate(20_697), '2026-09-01');
  });
});

const content: DispenseRecordContent = {
  org: 1,
  dispensationId: 3n,
  salt: SALT,
  prescription: 12n,
  gtin: '06901234567892',
  lotNumber: 'AMX-2026-001',
  quantity: 2,
  serials: ['P1', 'P2'],
  medication: { display: 'Amoxicillin 500 mg capsules' },
  dosageText: 'One capsule three times a day for 7 days',
  handedOver: '2026-12-02T10:00:00.000Z',
  expiresOn: '2028-09-01',
};

describe('the MedicationDispense record', () => {
  it('is a FHIR R4 MedicationDispense with a contained Medication coded by GTIN, lot and serials', () => {
    const r = buildDispenseResource(content);
    assert.deepEqual(validateResource(r, 'MedicationDispense'), r);
    assert.equal(r.status, 'completed');
    assert.deepEqual(r.medicationReference, { reference: '#med', display: 'Amoxicillin 500 mg capsules' });
    assert.deepEqual(r.contained, [{
      resourceType: 'Medication',
      id: 'med',
      code: { coding: [{ system: GTIN_SYSTEM, code: '06901234567892', display: 'Amoxicillin 500 mg capsules' }], text: 'Amoxicillin 500 mg capsules' },
      batch: { lotNumber: 'AMX-2026-001', expirationDate: '2028-09-01' },
      identifier: [{ system: SERIAL_SYSTEM, value: 'P1' }, { system: SERIAL_SYSTEM, value: 'P2' }],
    }]);
    assert.deepEqual(r.identifier, [
      { system: DISPENSATION_SYSTEM, value: '3' },
      { system: DISPENSATION_SALT_SYSTEM, value: u8aToHex(SALT) },
    ]);
    assert.deepEqual(r.authorizingPrescription, [{ reference: 'ruralmed:record/12' }]);
    assert.deepEqual(r.quantity, { value: 2, unit: 'pack', system: 'http://unitsofmeasure.org', code: '{pack}' });
    assert.equal(r.whenHandedOver, '2026-12-02T10:00:00.000Z');
    assert.deepEqual(r.dosageInstruction, [{ text: 'One capsule three times a day for 7 days' }]);
    assert.deepEqual(r.performer, [{ actor: { identifier: { system: 'https://ruralmed.org/fhir/organisation', value: '1' } } }]);
    // It seals like any record, and names no patient account.
    const json = new TextDecoder().decode(encodeResource(r, 'MedicationDispense'));
    assert.ok(!json.includes(EVE) && !json.includes(EVE_ID.slice(2)), 'the record names the patient');
  });

  it('leaves out serials, dosage and expiry when there are none', () => {
    const r = buildDispenseResource({ ...content, serials: undefined, dosageText: undefined, expiresOn: undefined });
    const [med] = r.contained as Record<string, unknown>[];
    assert.ok(med);
    assert.equal(med.identifier, undefined);
    assert.deepEqual(med.batch, { lotNumber: 'AMX-2026-001' });
    assert.equal(r.dosageInstruction, undefined);
  });

  it('reads back what it was written with', () => {
    const fields = parseDispenseResource(buildDispenseResource(content));
    assert.deepEqual(fields, {
      display: content.medication.display, serials: ['P1', 'P2'], gtin: content.gtin, lotNumber: content.lotNumber,
      expiresOn: '2028-09-01', quantity: 2, handedOver: content.handedOver, dosageText: content.dosageText, prescription: 12n,
      dispensationId: 3n, salt: SALT, org: 1,
    });
  });

  it('reads a dispense written by hand for what it has', () => {
    const byHand: FhirResource = { resourceType: 'MedicationDispense', status: 'completed', medicationCodeableConcept: { text: 'Paracetamol 500 mg' } };
    assert.deepEqual(parseDispenseResource(byHand), { display: 'Paracetamol 500 mg', serials: [] });
    // A malformed salt or dispensation id is not taken.
    const r = buildDispenseResource(content);
    const broken: FhirResource = { ...r, identifier: [{ system: DISPENSATION_SYSTEM, value: '3x' }, { system: DISPENSATION_SALT_SYSTEM, value: '0x1234' }] };
    const fields = parseDispenseResource(broken);
    assert.equal(fields.dispensationId, undefined);
    assert.equal(fields.salt, undefined);
  });

  it('refuses other resources, a nameless medicine and a short salt', () => {
    throwsKind(() => parseDispenseResource({ resourceType: 'MedicationRequest', status: 'active' }), 'CategoryMismatch');
    throwsKind(() => buildDispenseResource({ ...content, medication: { display: '  ' } }), 'InvalidFhir');
    assert.throws(() => buildDispenseResource({ ...content, salt: SALT.slice(0, 16) }), chainError('InvalidArgument'));
  });

  it('medicinesOf skips records that are not dispenses without reading the chain', async () => {
    const untouchable = new Proxy({}, { get: () => { throw new Error('the chain was read'); } }) as unknown as ApiPromise;
    const entries = [
      { recordId: 1n, patient: EVE, resource: { resourceType: 'Encounter', status: 'finished', class: {} } },
      { recordId: 2n, patient: EVE, resource: new Uint8Array([1, 2, 3]) },
    ];
    assert.deepEqual(await medicinesOf(untouchable, entries), []);
  });
});

describe('checkDispense refuses bad arguments before reading anything', () => {
  const untouchable = new Proxy({}, { get: () => { throw new Error('the chain was read'); } }) as unknown as ApiPromise;
  const vault = new VaultClient('http://127.0.0.1:9', { fetch: () => Promise.reject(new Error('the vault was asked')) });
  const dispenser: Actor = { address: EVE, signer: {}, vaultSigner: { address: EVE, sign: () => Promise.reject(new Error('signed')) } };
  const args: DispenseArgs = {
    org: 1, gtin: '06901234567892', lotNumber: 'AMX-2026-001', quantity: 2, patient: EVE, prescription: 12n, vaultOrg: 0,
    medication: { display: 'Amoxicillin 500 mg capsules' },
  };
  const cases: [Partial<DispenseArgs>, string][] = [
    [{ gtin: '06901234567893' }, 'DrugProvenance.InvalidGtin'],
    [{ gtin: '0690123456789' }, 'DrugProvenance.InvalidGtin'],
    [{ lotNumber: '' }, 'DrugProvenance.InvalidLotNumber'],
    [{ lotNumber: 'L'.repeat(21) }, 'DrugProvenance.InvalidLotNumber'],
    [{ quantity: 0 }, 'DrugProvenance.InvalidQuantity'],
    [{ quantity: 1.5 }, 'DrugProvenance.InvalidQuantity'],
    [{ quantity: 101, serials: Array.from({ length: 101 }, (_, i) => `S${i}`) }, 'DrugProvenance.InvalidQuantity'],
    [{ serials: ['P 1'] }, 'DrugProvenance.InvalidSerial'],
    [{ serials: ['P1', 'P1'] }, 'DrugProvenance.DuplicateSerial'],
    [{ patient: 'not-an-address' }, 'InvalidArgument'],
    [{ prescription: -1n }, 'InvalidArgument'],
    [{ prescription: 2n ** 64n }, 'InvalidArgument'],
    [{ handedOver: new Date('not a date') }, 'InvalidArgument'],
  ];
  for (const [more, code] of cases) {
    it(`${code} for ${JSON.stringify(more, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)).slice(0, 60)}`, async () => {
      await assert.rejects(() => checkDispense(untouchable, vault, dispenser, { ...args, ...more }), chainError(code));
    });
  }
  it('EnvelopeError InvalidFhir for a medicine without a name', async () => {
    await rejectsKind(() => checkDispense(untouchable, vault, dispenser, { ...args, medication: { display: ' ' } }), 'InvalidFhir');
  });
});

describe('ChainError.refusal', () => {
  it('uses the code and the plain message the chain would give', () => {
    const e = ChainError.refusal('DrugProvenance', 'InsufficientStock', '(2 held, 5 asked)');
    assert.equal(e.code, 'DrugProvenance.InsufficientStock');
    assert.equal(e.message, 'The organisation holds fewer packs of this lot. (2 held, 5 asked)');
    assert.equal(ChainError.refusal('Nowhere', 'Odd').message, 'Odd');
  });
});
