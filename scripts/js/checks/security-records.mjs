// Security review 2026-12, patient records: the M8, M9 and M10 attacks against the demo county,
// each refused with the right error and without changing anything.
//
// Set-up: a fresh patient P registers and grants Charlie (Hekou village doctor) treatment with
// writing over all records, and Bob (county hospital doctor) treatment with writing over
// Observations only. Charlie anchors an Allergy and an Observation for P.
//
// M8: Bob amends Charlie's Allergy with an Observation (`patientRecords.AmendmentChangesCategory`)
//     and Charlie's Observation with his own (`patientRecords.MayNotAmend`); P supersedes
//     Charlie's Observation with self-reported data (`patientRecords.MayNotAmend`). Neither
//     record is superseded and no record is added.
// M9: P attaches its own share and Charlie's. Bob (who may read) overwrites P's share and
//     Charlie's, and Charlie (the author) overwrites P's (`patientRecords.MayNotReplaceKeyShare`).
//     Both shares keep their bytes.
// M10: Charlie proposes himself as the guardian of a fresh account X
//     (`patientRecords.GuardianIsRegistrar`); then front-runs X's registration with a proposal
//     naming an accomplice G: X registers itself anyway, without guardian, and G can no longer
//     accept (`patientRecords.NoProposal`).
//
// Every account used is fresh, so the check can run any number of times.
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';
import { assert, send, expectFailure, findEvent, freshAccount, bestNumber } from '../lib.mjs';

const COUNTY_HOSPITAL = 0; // Bob is a doctor there; it runs the county records vault
const HEKOU_CLINIC = 1; // Charlie is its village doctor

async function anchor(api, charlie, patient, category) {
  const { events } = await send(api, api.tx.patientRecords.anchorRecord(patient.address, HEKOU_CLINIC,
    category, blake2AsHex(randomAsU8a(64)), COUNTY_HOSPITAL, 64, null), charlie);
  return findEvent(events, 'patientRecords', 'RecordAnchored').data.record.toNumber();
}

/// Everything the refused amendments could have touched, as JSON.
async function amendmentState(api, patient, ids) {
  return JSON.stringify({
    next: (await api.query.patientRecords.nextRecordId()).toJSON(),
    patient: (await api.query.patientRecords.patients(patient.address)).toJSON(),
    records: await Promise.all(ids.map(async (id) => (await api.query.patientRecords.records(id)).toJSON())),
  });
}

async function shareState(api, record, readers) {
  return JSON.stringify({
    count: (await api.query.patientRecords.keyShareCount(record)).toJSON(),
    shares: await Promise.all(readers.map(async (r) =>
      (await api.query.patientRecords.keyShares(record, r.address)).toJSON())),
  });
}

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const charlie = keyring.addFromUri('//Charlie');
  const patient = await freshAccount(api, keyring, 'SecRecordsPatient', alice);
  await send(api, api.tx.patientRecords.registerPatient(), patient);
  const now = await bestNumber(api);
  await send(api, api.tx.consent.grantConsent(patient.address, { Practitioner: charlie.address },
    ['Treatment'], 'AllRecords', now, now + 500, true, false), patient);
  await send(api, api.tx.consent.grantConsent(patient.address, { Practitioner: bob.address },
    ['Treatment'], { Categories: ['Observation'] }, now, now + 500, true, false), patient);
  const allergy = await anchor(api, charlie, patient, 'Allergy');
  const observation = await anchor(api, charlie, patient, 'Observation');
  console.log(`  P ${patient.address}: Charlie anchored Allergy ${allergy} and Observation ${observation}`);

  // M8
  const beforeM8 = await amendmentState(api, patient, [allergy, observation]);
  await expectFailure(api, api.tx.patientRecords.anchorRecord(patient.address, COUNTY_HOSPITAL, 'Observation',
    blake2AsHex(randomAsU8a(64)), COUNTY_HOSPITAL, 64, allergy), bob, 'patientRecords.AmendmentChangesCategory');
  await expectFailure(api, api.tx.patientRecords.anchorRecord(patient.address, COUNTY_HOSPITAL, 'Observation',
    blake2AsHex(randomAsU8a(64)), COUNTY_HOSPITAL, 64, observation), bob, 'patientRecords.MayNotAmend');
  await expectFailure(api, api.tx.patientRecords.anchorSelfReportedRecord(patient.address, 'Observation',
    blake2AsHex(randomAsU8a(64)), COUNTY_HOSPITAL, 64, observation), patient, 'patientRecords.MayNotAmend');
  assert(await amendmentState(api, patient, [allergy, observation]) === beforeM8, 'M8: a refused amendment changed state');
  console.log('  M8: Bob and P could not supersede Charlie\'s records; nothing changed');

  // M9
  const key = u8aToHex(randomAsU8a(80));
  await send(api, api.tx.patientRecords.attachKeyShare(observation, patient.address, 'Treatment', key), patient);
  await send(api, api.tx.patientRecords.attachKeyShare(observation, charlie.address, 'Treatment', key), patient);
  const beforeM9 = await shareState(api, observation, [patient, charlie]);
  const junk = u8aToHex(new Uint8Array(80));
  await expectFailure(api, api.tx.patientRecords.attachKeyShare(observation, patient.address, 'Treatment', junk),
    bob, 'patientRecords.MayNotReplaceKeyShare');
  await expectFailure(api, api.tx.patientRecords.attachKeyShare(observation, charlie.address, 'Treatment', junk),
    bob, 'patientRecords.MayNotReplaceKeyShare');
  await expectFailure(api, api.tx.patientRecords.attachKeyShare(observation, patient.address, 'Treatment', junk),
    charlie, 'patientRecords.MayNotReplaceKeyShare');
  assert(await shareState(api, observation, [patient, charlie]) === beforeM9, 'M9: a refused overwrite changed a share');
  console.log('  M9: Bob and the author could not overwrite the key shares; nothing changed');

  // M10
  const target = await freshAccount(api, keyring, 'SecRecordsTarget', alice);
  const accomplice = await freshAccount(api, keyring, 'SecRecordsAccomplice', alice);
  await expectFailure(api, api.tx.patientRecords.registerPatientWithGuardian(target.address, charlie.address,
    HEKOU_CLINIC), charlie, 'patientRecords.GuardianIsRegistrar');
  assert((await api.query.patientRecords.patients(target.address)).isNone, 'M10: the target was registered');
  assert((await api.query.patientRecords.guardianshipProposals(target.address)).isNone, 'M10: a proposal was stored');
  await send(api, api.tx.patientRecords.registerPatientWithGuardian(target.address, accomplice.address,
    HEKOU_CLINIC), charlie);
  assert((await api.query.patientRecords.patients(target.address)).isNone, 'M10: registered without the guardian');
  await send(api, api.tx.patientRecords.registerPatient(), target);
  const own = (await api.query.patientRecords.patients(target.address)).unwrap();
  assert(own.guardian.isNone, 'M10: the front-run gave the target a guardian');
  const beforeAccept = JSON.stringify((await api.query.patientRecords.patients(target.address)).toJSON());
  await expectFailure(api, api.tx.patientRecords.acceptGuardianship(target.address), accomplice,
    'patientRecords.NoProposal');
  assert(JSON.stringify((await api.query.patientRecords.patients(target.address)).toJSON()) === beforeAccept,
    'M10: the refused acceptance changed the patient');
  console.log('  M10: Charlie could not make himself or an accomplice the guardian');
}
