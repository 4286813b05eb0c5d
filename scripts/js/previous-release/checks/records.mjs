// Patient records through polkadot.js: a patient registers and grants the Hekou village doctor
// treatment access, the doctor anchors a record, the patient shares the record's key with the
// doctor, the doctor logs an access, a doctor without consent is refused, and the patient's
// record list reads back through the runtime API.
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';
import { assert, send, expectFailure, findEvent, freshAccount, bestNumber } from '../../lib.mjs';

const HEKOU_CLINIC = 1; // demo county: Charlie is its village doctor

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice');
  const charlie = keyring.addFromUri('//Charlie'); // village doctor, Hekou clinic
  const bob = keyring.addFromUri('//Bob'); // county doctor, no consent from this patient
  const patient = await freshAccount(api, keyring, 'RecordsPatient', alice);

  await send(api, api.tx.patientRecords.registerPatient(), patient);
  const now = await bestNumber(api);
  await send(api, api.tx.consent.grantConsent(patient.address, { Practitioner: charlie.address },
    ['Treatment'], 'AllRecords', now, now + 500, true, false), patient);
  console.log(`  patient ${patient.address} registered and granted Charlie treatment access`);

  // The ciphertext stays off chain; only its hash and locator are anchored.
  const ciphertext = randomAsU8a(2048);
  const contentHash = blake2AsHex(ciphertext, 256);
  const locator = `ipfs://bafy-check-${Date.now()}`;
  const { events } = await send(api, api.tx.patientRecords.anchorRecord(
    patient.address, HEKOU_CLINIC, 'Encounter', contentHash, locator, ciphertext.length, null), charlie);
  const anchored = findEvent(events, 'patientRecords', 'RecordAnchored');
  const recordId = anchored.data.record.toNumber();
  assert(anchored.data.basis.toString().includes('grant'), `write basis ${anchored.data.basis}`);
  console.log(`  Charlie anchored record ${recordId}`);

  const wrappedKey = randomAsU8a(80);
  await send(api,
    api.tx.patientRecords.attachKeyShare(recordId, charlie.address, 'Treatment', u8aToHex(wrappedKey)), patient);
  const share = await api.query.patientRecords.keyShares(recordId, charlie.address);
  assert(share.isSome && share.unwrap().length === 80, 'key share not stored');

  const logged = await send(api, api.tx.patientRecords.logAccess(recordId, 'Treatment'), charlie);
  const accessed = findEvent(logged.events, 'patientRecords', 'RecordAccessed');
  assert(accessed.data.reader.toString() === charlie.address, 'wrong reader in RecordAccessed');
  await expectFailure(api, api.tx.patientRecords.logAccess(recordId, 'Treatment'), bob,
    'patientRecords.NoReadAccess');
  console.log('  key share attached, access logged, a doctor without consent refused');

  const page = await api.call.patientRecordsApi.recordsOf(patient.address, 0, 10);
  assert(page.length === 1, `records_of returned ${page.length} records`);
  const [id, record] = page[0];
  assert(id.toNumber() === recordId, 'records_of returned another record');
  assert(record.contentHash.toHex() === contentHash, 'content hash differs');
  assert(record.author.toString() === charlie.address, 'author differs');
  assert(new TextDecoder().decode(record.locator.toU8a(true)) === locator, 'locator differs');
  const info = await api.call.patientRecordsApi.patient(patient.address);
  assert(info.isSome && info.unwrap().accessCount.toNumber() === 1, 'access not counted');
  console.log('  records_of and patient() read the record and the access count back');
}
