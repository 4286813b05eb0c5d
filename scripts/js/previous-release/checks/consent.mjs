// Consent through polkadot.js: a grant with referral rights, a teleconsultation referral from
// the village doctor to the county doctor, a revocation that cuts both off in the same block,
// and a break-glass access that the patient disputes and the authority clears.
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';
import { assert, send, expectFailure, findEvent, freshAccount, bestNumber } from '../../lib.mjs';

const COUNTY_HOSPITAL = 0; // Bob is a doctor there
const HEKOU_CLINIC = 1; // Charlie is its village doctor
const SHANZHUANG_CLINIC = 2; // DaveStash is its village doctor

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const charlie = keyring.addFromUri('//Charlie');
  const daveStash = keyring.addFromUri('//Dave//stash');
  const patient = await freshAccount(api, keyring, 'ConsentPatient', alice);
  await send(api, api.tx.patientRecords.registerPatient(), patient);

  // A grant to Charlie with the right to write and to refer.
  let now = await bestNumber(api);
  const granted = await send(api, api.tx.consent.grantConsent(patient.address,
    { Practitioner: charlie.address }, ['Treatment'], 'AllRecords', now, now + 1000, true, true), patient);
  const grantId = findEvent(granted.events, 'consent', 'ConsentGranted').data.grant.toNumber();
  const anchored = await send(api, api.tx.patientRecords.anchorRecord(patient.address, HEKOU_CLINIC,
    'Condition', blake2AsHex(randomAsU8a(64)), 'ipfs://bafy-consent', 64, null), charlie);
  const recordId = findEvent(anchored.events, 'patientRecords', 'RecordAnchored').data.record.toNumber();
  const decision = await api.call.consentApi.readAccess(charlie.address, recordId, 'Treatment');
  assert(decision.isSome && decision.unwrap().isGrant, `readAccess says ${decision}`);
  console.log(`  grant ${grantId} lets Charlie write and read record ${recordId}`);

  // Charlie refers the patient to Bob at the county hospital, with a consultation report.
  now = await bestNumber(api);
  const referred = await send(api, api.tx.consent.refer(grantId, HEKOU_CLINIC, bob.address,
    COUNTY_HOSPITAL, { Categories: ['Condition', 'Document'] }, now + 300, true), charlie);
  const referralId = findEvent(referred.events, 'consent', 'ReferralCreated').data.referral.toNumber();
  const seen = await api.call.consentApi.referralsOf(patient.address);
  assert(seen.length === 1 && seen[0][0].toNumber() === referralId, 'the patient does not see the referral');
  await send(api, api.tx.patientRecords.logAccess(recordId, 'Referral'), bob);
  await send(api, api.tx.patientRecords.anchorRecord(patient.address, COUNTY_HOSPITAL, 'Document',
    blake2AsHex(randomAsU8a(64)), 'ipfs://bafy-report', 64, null), bob);
  await expectFailure(api, api.tx.patientRecords.logAccess(recordId, 'Treatment'), bob,
    'patientRecords.NoReadAccess');
  console.log(`  referral ${referralId}: Bob reads for the referral, files a report, nothing more`);

  // Revocation cuts Charlie and the referral off at once.
  const revoked = await send(api, api.tx.consent.revokeConsent(grantId), patient);
  findEvent(revoked.events, 'consent', 'ConsentRevoked');
  await expectFailure(api, api.tx.patientRecords.logAccess(recordId, 'Treatment'), charlie,
    'patientRecords.NoReadAccess');
  await expectFailure(api, api.tx.patientRecords.logAccess(recordId, 'Referral'), bob,
    'patientRecords.NoReadAccess');
  console.log('  revocation cut off the grantee and the referral in the same block');

  // Break-glass by a practitioner without consent; the patient disputes it.
  const opened = await send(api, api.tx.consent.openEmergencyAccess(patient.address,
    SHANZHUANG_CLINIC, 'PatientUnresponsive', blake2AsHex('written justification'), 100), daveStash);
  const emergencyId = findEvent(opened.events, 'consent', 'EmergencyAccessOpened').data.emergency.toNumber();
  await send(api, api.tx.patientRecords.logAccess(recordId, 'Emergency'), daveStash);
  const history = await api.call.consentApi.emergenciesOf(patient.address, 0, 10);
  assert(history.length === 1 && history[0][1].status.isOpen, 'the patient does not see the open access');
  const disputed = await send(api, api.tx.consent.reviewEmergencyAccess(emergencyId, false), patient);
  assert(findEvent(disputed.events, 'consent', 'EmergencyAccessEscalated').data.disputed.isTrue,
    'dispute not recorded');
  await expectFailure(api, api.tx.patientRecords.logAccess(recordId, 'Emergency'), daveStash,
    'patientRecords.NoReadAccess');
  const resolved = await send(api,
    api.tx.sudo.sudo(api.tx.consent.resolveEmergencyAccess(emergencyId, false)), alice);
  findEvent(resolved.events, 'consent', 'EmergencyAccessResolved');
  console.log(`  break-glass ${emergencyId}: used, disputed (access ended), cleared by the authority`);
}
