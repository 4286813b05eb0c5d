// "My medicines" against a real node and a real vault (RURALMED_WS=ws://…,
// RURALMED_VAULT_URL=http://…; scripts/vault-checks.sh sets both). The demo manufacturer (//One,
// org 4) commissions a fresh lot of the demo amoxicillin (GTIN 06901234567892) and ships 10
// packs to the Hekou clinic (org 1), where Charlie, its village doctor, confirms receipt.
// Charlie prescribes for Eve (a MedicationRequest record), then dispenses 2 packs with
// dispenseToPatient: the chain stores only a commitment, the encrypted MedicationDispense
// record carries the dispensation id and the salt. Eve reads her records and medicinesOf shows
// the medicine, linked and not recalled. Refusals (unknown lot, more than held, unknown
// prescription, a non-dispensing organisation) change nothing: no record, no dispensation, no
// stock moved. Two dispenses of the whole remaining stock at once: the node refuses one
// after the checks passed, and it leaves no record. The maker recalls the lot: medicinesOf
// shows it recalled with the reason, and dispensing from it is refused.
// Eve grants the clinic a write basis first if her genesis grant was revoked (as the vault
// checks do on the same node), and revokes it at the end.
// A fresh lot rather than the demo lot AMX-2026-001: a recall is for good, and the demo lot
// must stay usable for the app and for reruns of this test on the same chain.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import { stringToHex, u8aToHex } from '@polkadot/util';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';

import {
  ChainError, dayToIsoDate, DISPENSATION_SALT_SYSTEM, dispensationCommitment, DispenseNotRecordedError, dispenseToPatient, EncryptionKeyring, getDispensation, getLot, getRecord,
  lotIdOf, medicinesOf, patientInfo, publishEncryptionKey, readKeyShare, readRecord, submit, VaultClient, writeRecord,
  type DispenseArgs, type DispenseResult, type Medicine, type ReadRecordResult,
} from '../src/index.js';

const WS = process.env.RURALMED_WS;
const VAULT_URL = process.env.RURALMED_VAULT_URL;
const COUNTY_HOSPITAL = 0; // runs the vault
const HEKOU_CLINIC = 1; // Charlie is its village doctor; Eve consented to it at genesis
const MAKER = 4; // //One administers it
const DISTRIBUTOR = 5; // not a dispenser
const AMOXICILLIN = '06901234567892';

const prescription = {
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: { text: 'Amoxicillin 500 mg capsules' },
  subject: { reference: 'Patient/patient' },
  authoredOn: '2026-12-02T09:00:00+08:00',
  dosageInstruction: [{ text: 'One capsule three times a day for 7 days' }],
};

const skip = WS === undefined || VAULT_URL === undefined;
if (skip) {
  console.log('# medicines integration tests skipped: set RURALMED_WS (a dev node) and RURALMED_VAULT_URL (a vault beside it), as scripts/vault-checks.sh does');
}

function chainRefusal(...codes: string[]): (e: unknown) => true {
  return (e: unknown) => {
    assert.ok(e instanceof ChainError, `expected ChainError ${codes.join(' or ')}, got ${String(e)}`);
    assert.ok(codes.includes(e.code), `${e.code}: ${e.message}`);
    return true;
  };
}

function eventOf(events: readonly EventRecord[], section: string, method: string): EventRecord {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  assert.ok(found, `no ${section}.${method} event`);
  return found;
}

describe('my medicines end to end (dev node + vault)', { skip: skip ? 'RURALMED_WS or RURALMED_VAULT_URL is not set' : false }, () => {
  let api: ApiPromise;
  let vault: VaultClient;
  let charlie: KeyringPair, eve: KeyringPair, maker: KeyringPair;
  let eveKeys: EncryptionKeyring;
  const lotNumber = `MED-${Date.now()}`;
  const today = Math.floor(Date.now() / 86_400_000);
  let lotId: bigint;
  let prescriptionId: bigint;
  let dispensed: DispenseResult;
  let read: ReadRecordResult[] = [];
  let grantId: bigint | undefined;

  const tx = (section: string, method: string, ...args: unknown[]): SubmittableExtrinsic<'promise'> => {
    const fn = api.tx[section]?.[method];
    assert.ok(fn, `the runtime has ${section}.${method}`);
    return fn(...args);
  };
  const holding = async (org: number): Promise<number> =>
    Number((await api.query.drugProvenance?.holdings?.(lotId, org))?.toJSON());
  const nextDispensation = async (): Promise<bigint> =>
    BigInt((await api.query.drugProvenance?.nextDispensationId?.())?.toString() ?? 'x');
  const eveRecords = async (): Promise<bigint> => (await patientInfo(api, eve.address))?.recordCount ?? -1n;
  /** What must not move when a dispense is refused. */
  const state = async (): Promise<[bigint, bigint, number]> => [await nextDispensation(), await eveRecords(), await holding(HEKOU_CLINIC)];
  const dispenseArgs = (more: Partial<DispenseArgs> = {}): DispenseArgs => ({
    org: HEKOU_CLINIC, gtin: AMOXICILLIN, lotNumber, quantity: 2, patient: eve.address, prescription: prescriptionId,
    vaultOrg: COUNTY_HOSPITAL, medication: { display: 'Amoxicillin 500 mg capsules' },
    dosageText: 'One capsule three times a day for 7 days', ...more,
  });

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    vault = new VaultClient(VAULT_URL ?? '');
    const keyring = new Keyring({ type: 'sr25519' });
    [charlie, eve, maker] = ['//Charlie', '//Eve', '//One'].map((s) => keyring.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair];
    eveKeys = await EncryptionKeyring.fromSuri('//Eve');
    await Promise.all([
      publishEncryptionKey(api, charlie, await EncryptionKeyring.fromSuri('//Charlie')),
      publishEncryptionKey(api, eve, eveKeys),
    ]);
    // Eve's genesis grant to the clinic may be gone (scripts/js/checks-vault/vault-e2e.mjs
    // revokes it on the same node): then she grants the clinic treatment with the right to
    // write, for this test, finalized (the vault asks the chain at its finalized block).
    const mayWrite = api.call.patientRecordsApi?.mayWrite;
    assert.ok(mayWrite, 'the runtime has PatientRecordsApi.may_write');
    const canWrite = async (category: string): Promise<boolean> =>
      (await mayWrite(charlie.address, eve.address, HEKOU_CLINIC, category)).toJSON() === true;
    if (!(await canWrite('MedicationRequest')) || !(await canWrite('MedicationDispense'))) {
      const now = (await api.rpc.chain.getHeader()).number.toNumber();
      const granted = await submit(api, tx('consent', 'grantConsent', eve.address, { Organisation: { org: HEKOU_CLINIC, roles: [] } },
        ['Treatment'], 'AllRecords', now, now + 10_000, true, false), eve, { finalized: true });
      grantId = BigInt(eventOf(granted.events, 'consent', 'ConsentGranted').event.data[0]?.toString() ?? 'x');
      assert.ok(await canWrite('MedicationRequest') && await canWrite('MedicationDispense'), 'the grant gives Charlie no write basis');
    }
  });
  after(async () => {
    if (grantId !== undefined) await submit(api, tx('consent', 'revokeConsent', grantId), eve);
    await api.disconnect();
  });

  it('the maker commissions a lot and ships 10 packs to the Hekou clinic, where Charlie receives them', async () => {
    const made = await submit(api, tx('drugProvenance', 'commissionLot', stringToHex(AMOXICILLIN), stringToHex(lotNumber), today - 10, today + 700, 20, false), maker);
    lotId = BigInt(eventOf(made.events, 'drugProvenance', 'LotCommissioned').event.data[0]?.toString() ?? 'x');
    assert.equal(await lotIdOf(api, AMOXICILLIN, lotNumber), lotId);
    const shipped = await submit(api, tx('drugProvenance', 'ship', lotId, MAKER, HEKOU_CLINIC, 10, []), maker);
    const shipment = eventOf(shipped.events, 'drugProvenance', 'Shipped').event.data[0]?.toString();
    // The clinic acts through its admin (AliceStash) or an active practitioner: Charlie.
    await submit(api, tx('drugProvenance', 'receiveShipment', shipment, 10, []), charlie);
    assert.equal(await holding(HEKOU_CLINIC), 10);
    assert.equal(await holding(MAKER), 10);
    const lot = await getLot(api, lotId);
    assert.equal(lot?.status.kind, 'Active');
    assert.equal(lot.gtin, AMOXICILLIN);
    assert.equal(lot.lotNumber, lotNumber);
  });

  it('Charlie prescribes amoxicillin for Eve (a MedicationRequest record)', async () => {
    ({ recordId: prescriptionId } = await writeRecord(api, vault, charlie, {
      patient: eve.address, org: HEKOU_CLINIC, category: 'MedicationRequest', resource: prescription, vaultOrg: COUNTY_HOSPITAL,
    }));
    assert.equal((await getRecord(api, prescriptionId))?.category, 'MedicationRequest');
  });

  it('refusals before anything is written change nothing', async () => {
    const before = await state();
    const refusals: [Partial<DispenseArgs>, string][] = [
      [{ lotNumber: 'NO-SUCH-LOT' }, 'DrugProvenance.UnknownLot'],
      [{ quantity: 11 }, 'DrugProvenance.InsufficientStock'],
      [{ gtin: '06901234567893' }, 'DrugProvenance.InvalidGtin'],
      [{ quantity: 0 }, 'DrugProvenance.InvalidQuantity'],
      [{ serials: ['P1', 'P2'] }, 'DrugProvenance.NotSerialised'],
      [{ org: DISTRIBUTOR }, 'DrugProvenance.NotDispenser'],
      [{ prescription: 2n ** 40n }, 'PatientRecords.UnknownRecord'],
    ];
    for (const [more, code] of refusals) {
      await assert.rejects(() => dispenseToPatient(api, vault, charlie, dispenseArgs(more)), chainRefusal(code));
    }
    assert.deepEqual(await state(), before, 'a refusal moved a dispensation, a record or stock');
  });

  it('Charlie dispenses 2 packs: the chain holds a commitment, the record carries the dispensation and the salt', async () => {
    const [nextBefore, recordsBefore] = await state();
    dispensed = await dispenseToPatient(api, vault, charlie, dispenseArgs());
    assert.equal(dispensed.dispensationId, nextBefore);
    assert.equal(dispensed.lotId, lotId);
    assert.deepEqual(await state(), [nextBefore + 1n, recordsBefore + 1n, 8]);

    const onChain = await getDispensation(api, dispensed.dispensationId);
    assert.ok(onChain);
    assert.deepEqual({ ...onChain, block: 0 }, {
      id: dispensed.dispensationId, lot: lotId, org: HEKOU_CLINIC, quantity: 2, serials: [], commitment: dispensed.commitment, block: 0,
    });
    assert.deepEqual(dispensed.commitment, dispensationCommitment(eve.address, prescriptionId, dispensed.salt));
    const raw = JSON.stringify((await api.query.drugProvenance?.dispensations?.(dispensed.dispensationId))?.toJSON());
    assert.ok(!raw.includes(u8aToHex(decodeAddress(eve.address)).slice(2)), 'the dispensation names Eve');

    const anchor = await getRecord(api, dispensed.recordId);
    assert.ok(anchor);
    assert.equal(anchor.category, 'MedicationDispense');
    assert.equal(anchor.patient, encodeAddress(eve.publicKey, api.registry.chainSS58));
    assert.equal(anchor.author, encodeAddress(charlie.publicKey, api.registry.chainSS58));
    assert.equal(anchor.organisation, HEKOU_CLINIC);
    assert.ok(await readKeyShare(api, dispensed.recordId, eve.address), 'Eve has the key');
  });

  it('Eve reads her records: medicinesOf shows the medicine, linked to its dispensation, not recalled', async () => {
    read = [
      await readRecord(api, vault, eve, eveKeys, prescriptionId, 'Treatment'),
      await readRecord(api, vault, eve, eveKeys, dispensed.recordId, 'Treatment'),
    ];
    const medicines = await medicinesOf(api, read);
    assert.equal(medicines.length, 1, 'the prescription is not a medicine received');
    const [medicine] = medicines as [Medicine];
    assert.deepEqual({ ...medicine, handedOver: 'x' }, {
      recordId: dispensed.recordId, display: 'Amoxicillin 500 mg capsules', serials: [], expired: false,
      lotStatus: { kind: 'Active' }, recalled: false, linked: true, mismatch: [],
      gtin: AMOXICILLIN, lotNumber, quantity: 2, handedOver: 'x', dosageText: 'One capsule three times a day for 7 days',
      prescription: prescriptionId, dispensationId: dispensed.dispensationId, lotId,
      expiresOn: dayToIsoDate(today + 700),
    });
    assert.ok(!Number.isNaN(Date.parse(medicine.handedOver ?? '')));
  });

  it('a record that does not match its dispensation is not linked', async () => {
    const [, dispense] = read as [ReadRecordResult, ReadRecordResult];
    const fhir = dispense.fhir;
    const identifiers = (fhir.identifier as { system: string; value: string }[])
      .map((i) => (i.system === DISPENSATION_SALT_SYSTEM ? { ...i, value: `0x${'ab'.repeat(32)}` } : i));
    const otherSalt = { ...fhir, identifier: identifiers };
    const moreQuantity = { ...fhir, quantity: { value: 3, unit: 'pack' } };
    const otherPatient = { recordId: dispensed.recordId, patient: charlie.address, resource: fhir };
    const medicines = await medicinesOf(api, [
      { recordId: dispensed.recordId, patient: eve.address, resource: otherSalt },
      { recordId: dispensed.recordId, patient: eve.address, resource: moreQuantity },
      otherPatient,
    ]);
    assert.deepEqual(medicines.map((m) => [m.linked, m.mismatch]), [[false, ['commitment']], [false, ['quantity']], [false, ['commitment']]]);
  });

  it('two dispenses of the whole remaining stock at once: the node refuses one after the checks passed, and it leaves no record', async () => {
    const [nextBefore, recordsBefore, held] = await state();
    assert.equal(held, 8);
    const outcomes = await Promise.allSettled([
      dispenseToPatient(api, vault, charlie, dispenseArgs({ quantity: 8 })),
      dispenseToPatient(api, vault, charlie, dispenseArgs({ quantity: 8 })),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    assert.equal(won.length, 1, JSON.stringify(outcomes.map((o) => o.status)));
    assert.equal(lost.length, 1);
    // Refused at dispatch (InsufficientStock) or by the pool (the same nonce): never after the record.
    assert.ok(!(lost[0]?.reason instanceof DispenseNotRecordedError), String(lost[0]?.reason));
    chainRefusal('DrugProvenance.InsufficientStock', 'TransactionFailed')(lost[0]?.reason);
    assert.deepEqual(await state(), [nextBefore + 1n, recordsBefore + 1n, 0]);
  });

  it('a serialised lot: the packs handed over are checked by serial and named in the record', async () => {
    const number = `MEDS-${Date.now()}`;
    const serials = ['S1', 'S2', 'S3'].map((s) => `${s}-${Date.now() % 100_000}`) as [string, string, string];
    const made = await submit(api, tx('drugProvenance', 'commissionLot', stringToHex(AMOXICILLIN), stringToHex(number), today - 10, today + 700, 3, true), maker);
    const serialised = BigInt(eventOf(made.events, 'drugProvenance', 'LotCommissioned').event.data[0]?.toString() ?? 'x');
    await submit(api, tx('drugProvenance', 'commissionSerials', serialised, serials.map(stringToHex)), maker);
    // S3 stays with the maker.
    const shipped = await submit(api, tx('drugProvenance', 'ship', serialised, MAKER, HEKOU_CLINIC, 2, serials.slice(0, 2).map(stringToHex)), maker);
    await submit(api, tx('drugProvenance', 'receiveShipment', eventOf(shipped.events, 'drugProvenance', 'Shipped').event.data[0]?.toString(), 2, []), charlie);

    const args = (more: Partial<DispenseArgs>): DispenseArgs => dispenseArgs({ lotNumber: number, quantity: 1, ...more });
    const before = await state();
    const refusals: [Partial<DispenseArgs>, string][] = [
      [{}, 'DrugProvenance.SerialsRequired'],
      [{ serials: ['NOT-A-PACK'] }, 'DrugProvenance.UnknownPack'],
      [{ serials: [serials[2]] }, 'DrugProvenance.PackNotHeld'],
      [{ quantity: 2, serials: [serials[0], serials[0]] }, 'DrugProvenance.DuplicateSerial'],
      [{ serials: ['has space'] }, 'DrugProvenance.InvalidSerial'],
    ];
    for (const [more, code] of refusals) {
      await assert.rejects(() => dispenseToPatient(api, vault, charlie, args(more)), chainRefusal(code));
    }
    assert.deepEqual(await state(), before);

    const result = await dispenseToPatient(api, vault, charlie, args({ serials: [serials[0]] }));
    assert.deepEqual((await getDispensation(api, result.dispensationId))?.serials, [serials[0]]);
    const record = await readRecord(api, vault, eve, eveKeys, result.recordId, 'Treatment');
    const [medicine] = await medicinesOf(api, [record]);
    assert.ok(medicine);
    assert.deepEqual([medicine.serials, medicine.lotNumber, medicine.quantity, medicine.linked, medicine.mismatch], [[serials[0]], number, 1, true, []]);
    // Another serial in the record than on chain: not linked.
    const contained = (record.fhir.contained as Record<string, unknown>[]).map((m) => ({ ...m, identifier: [{ system: 'https://www.gs1.org/serial', value: serials[1] }] }));
    const [swapped] = await medicinesOf(api, [{ recordId: result.recordId, patient: eve.address, resource: { ...record.fhir, contained } }]);
    assert.deepEqual(swapped?.mismatch, ['serials']);
  });

  it('the maker recalls the lot: medicinesOf shows it recalled with the reason, and it can no longer be dispensed', async () => {
    const recalled = await submit(api, tx('drugProvenance', 'recallLot', lotId, 'QualityDefect'), maker);
    eventOf(recalled.events, 'drugProvenance', 'LotRecalled');
    // The app keeps the records it decrypted: no record is read again, only the lot.
    const [medicine] = await medicinesOf(api, read);
    assert.ok(medicine);
    assert.equal(medicine.recalled, true);
    assert.equal(medicine.recallReason, 'QualityDefect');
    assert.deepEqual(medicine.lotStatus, { kind: 'Recalled', reason: 'QualityDefect', byAuthority: false });
    assert.equal(medicine.linked, true);

    const before = await state();
    await assert.rejects(() => dispenseToPatient(api, vault, charlie, dispenseArgs({ quantity: 1 })), chainRefusal('DrugProvenance.LotRecalled'));
    assert.deepEqual(await state(), before);
  });
});
