// Patient records through polkadot.js: a patient registers (holding the patient deposit) and
// grants the Hekou village doctor treatment access, the doctor anchors a record kept in the
// county hospital's records vault, the patient shares the record's key with the doctor, the
// doctor logs an access, a doctor without consent is refused, and the patient's record list
// reads back through the runtime API. Then the two-step guardian registration: the doctor
// proposes a ward with a guardian, nothing is registered until the guardian accepts, and the
// doctor pays the ward's deposit.
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';
import { assert, send, expectFailure, findEvent, freshAccount, bestNumber } from '../lib.mjs';

const COUNTY_HOSPITAL = 0; // demo county: runs the county records vault
const HEKOU_CLINIC = 1; // demo county: Charlie is its village doctor

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice');
  const charlie = keyring.addFromUri('//Charlie'); // village doctor, Hekou clinic
  const bob = keyring.addFromUri('//Bob'); // county doctor, no consent from this patient
  const patient = await freshAccount(api, keyring, 'RecordsPatient', alice);

  await send(api, api.tx.patientRecords.registerPatient(), patient);
  const registered = (await api.query.patientRecords.patients(patient.address)).unwrap();
  assert(registered.depositor.toString() === patient.address, 'a self-registered patient pays its deposit');
  assert(registered.deposit.eq(api.consts.patientRecords.patientDeposit), 'patient deposit not recorded');
  const now = await bestNumber(api);
  await send(api, api.tx.consent.grantConsent(patient.address, { Practitioner: charlie.address },
    ['Treatment'], 'AllRecords', now, now + 500, true, false), patient);
  console.log(`  patient ${patient.address} registered and granted Charlie treatment access`);

  // The ciphertext stays off chain, in the county vault under its hash; only the hash, and
  // which vault, are anchored.
  const ciphertext = randomAsU8a(2048);
  const contentHash = blake2AsHex(ciphertext, 256);
  const { events } = await send(api, api.tx.patientRecords.anchorRecord(
    patient.address, HEKOU_CLINIC, 'Encounter', contentHash, COUNTY_HOSPITAL, ciphertext.length, null), charlie);
  const anchored = findEvent(events, 'patientRecords', 'RecordAnchored');
  const recordId = anchored.data.record.toNumber();
  assert(anchored.data.basis.toString().includes('grant'), `write basis ${anchored.data.basis}`);
  console.log(`  Charlie anchored record ${recordId}`);
  // A manufacturer cannot be a vault.
  await expectFailure(api, api.tx.patientRecords.anchorRecord(
    patient.address, HEKOU_CLINIC, 'Encounter', contentHash, 4, ciphertext.length, null), charlie,
  'patientRecords.InvalidVault');

  const wrappedKey = randomAsU8a(80);
  await send(api,
    api.tx.patientRecords.attachKeyShare(recordId, charlie.address, 'Treatment', u8aToHex(wrappedKey)), patient);
  const share = await api.query.patientRecords.keyShares(recordId, charlie.address);
  assert(share.isSome && share.unwrap().wrappedKey.length === 80, 'key share not stored');
  assert(share.unwrap().attachedBy.toString() === patient.address, 'attacher not stored');
  assert((await api.query.patientRecords.keyShareCount(recordId)).toNumber() === 1, 'share not counted');

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
  assert(record.vault.isSome && record.vault.unwrap().toNumber() === COUNTY_HOSPITAL, 'vault differs');
  const info = await api.call.patientRecordsApi.patient(patient.address);
  assert(info.isSome && info.unwrap().accessCount.toNumber() === 1, 'access not counted');
  console.log('  records_of and patient() read the record and the access count back');

  // The access trail, paged by the runtime API: Charlie's read, with its basis and block.
  const trail = await api.call.patientRecordsApi.accessLogOf(patient.address, 0, 10);
  assert(trail.length === 1, `access_log_of returned ${trail.length} entries`);
  const [position, entry] = trail[0];
  assert(position.toNumber() === 0 && entry.reader.toString() === charlie.address, 'trail entry differs');
  assert(entry.record.toNumber() === recordId && entry.purpose.toString() === 'Treatment', 'trail record/purpose');
  assert(entry.basis.isSome && entry.basis.unwrap().isGrant, `trail basis ${entry.basis}`);
  assert(accessed.data.position.toNumber() === 0, 'RecordAccessed has no trail position');
  console.log('  access_log_of lists Charlie\'s read with its grant');

  // The patient questions the record: only the patient side may, once; then withdraws it.
  await expectFailure(api, api.tx.patientRecords.disputeRecord(recordId, 'IncorrectDetails', null), charlie,
    'patientRecords.NotPatientOrGuardian');
  await send(api, api.tx.patientRecords.disputeRecord(recordId, 'IncorrectDetails', null), patient);
  const dispute = await api.call.patientRecordsApi.dispute(recordId);
  assert(dispute.isSome && dispute.unwrap().reason.toString() === 'IncorrectDetails', 'dispute not stored');
  await expectFailure(api, api.tx.patientRecords.disputeRecord(recordId, 'Other', null), patient,
    'patientRecords.AlreadyDisputed');
  console.log('  the patient disputed the record; the doctor could not, nor twice');

  // Erasure: the key shares and the dispute go, the anchor stays, nobody reads it again.
  await expectFailure(api, api.tx.patientRecords.eraseRecord(recordId), charlie,
    'patientRecords.NotPatientOrGuardian');
  const erased = await send(api, api.tx.patientRecords.eraseRecord(recordId), patient);
  const erasedEvent = findEvent(erased.events, 'patientRecords', 'RecordErased');
  assert(erasedEvent.data.keySharesRemoved.toNumber() === 1, 'erasure removed no key share');
  assert((await api.query.patientRecords.keyShares(recordId, charlie.address)).isNone, 'key share survived');
  assert((await api.call.patientRecordsApi.erasure(recordId)).isSome, 'erasure not readable');
  assert((await api.call.patientRecordsApi.dispute(recordId)).isNone, 'dispute survived the erasure');
  assert((await api.call.patientRecordsApi.record(recordId)).isSome, 'the anchor must stay');
  for (const reader of [charlie, patient]) {
    await expectFailure(api, api.tx.patientRecords.logAccess(recordId, 'Treatment'), reader,
      'patientRecords.RecordErased');
  }
  console.log('  the patient erased the record: shares gone, anchor kept, reads refused');

  // A guardian is never made without signing: the practitioner only proposes.
  const ward = keyring.addFromUri(`//RecordsWard/${Date.now()}/${Math.random()}`);
  const guardian = await freshAccount(api, keyring, 'RecordsGuardian', alice);
  const proposed = await send(api,
    api.tx.patientRecords.registerPatientWithGuardian(ward.address, guardian.address, HEKOU_CLINIC), charlie);
  findEvent(proposed.events, 'patientRecords', 'GuardianshipProposed');
  assert((await api.query.patientRecords.patients(ward.address)).isNone, 'registered before the guardian accepted');
  const accepted = await send(api, api.tx.patientRecords.acceptGuardianship(ward.address), guardian);
  findEvent(accepted.events, 'patientRecords', 'PatientRegistered');
  const wardInfo = (await api.query.patientRecords.patients(ward.address)).unwrap();
  assert(wardInfo.guardian.unwrap().toString() === guardian.address, 'guardian not set');
  assert(wardInfo.depositor.toString() === charlie.address, 'the registering doctor pays the ward deposit');
  console.log('  Charlie proposed a ward, the guardian accepted, Charlie paid the deposit');
}
