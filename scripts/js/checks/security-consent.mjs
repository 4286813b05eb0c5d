// Security review 2026-12, consent: the M6 and M7 attacks against the demo county, each refused
// with the right error and without changing anything.
//
// M6: Bob (county hospital doctor, no consent from Eve) breaks the glass on Eve, Eve disputes,
//     and Bob at once breaks it again: refused (`consent.EmergencyAccessDisputed`) until the
//     authority resolves the dispute. Uses one of Bob's break-glass openings (10 per 30 days).
// M7: Eve grants Charlie (Hekou village doctor) read-only treatment over Observations with
//     referral rights; Charlie refers Bob with the right to file a report: refused
//     (`consent.ReportNotAllowed`), and Bob cannot anchor a Document for Eve.
//
// The check cleans up after itself (and after an earlier run that stopped half-way): Bob's open
// or disputed break-glass accesses on Eve are disputed and cleared through sudo, and Eve's
// grants to Charlie are revoked.
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';
import { assert, send, expectFailure, findEvent, bestNumber } from '../lib.mjs';
import { emergencyCommitment } from './consent.mjs';

const COUNTY_HOSPITAL = 0; // Bob is a doctor there
const HEKOU_CLINIC = 1; // Charlie is its village doctor; Eve granted it treatment access

/// Everything the refused calls could have touched, as JSON, to compare before and after.
async function emergencyState(api, eve, bob) {
  return JSON.stringify({
    next: (await api.query.consent.nextEmergencyId()).toJSON(),
    usage: (await api.query.consent.emergencyUsageOf(bob.address)).toJSON(),
    latest: (await api.query.consent.latestEmergency(eve.address, bob.address)).toJSON(),
    disputes: (await api.query.consent.unresolvedDisputes(eve.address, bob.address)).toJSON(),
    count: (await api.query.consent.patientEmergencyCount(eve.address)).toJSON(),
  });
}

async function referralState(api, eve, bob) {
  return JSON.stringify({
    next: (await api.query.consent.nextReferralId()).toJSON(),
    toBob: (await api.query.consent.referralsTo(eve.address, bob.address)).toJSON(),
    records: (await api.query.patientRecords.nextRecordId()).toJSON(),
  });
}

/// Every break-glass access on `patient`, oldest first.
async function emergenciesOf(api, patient) {
  const all = [];
  for (let from = 0; ; from += 100) {
    const page = await api.call.consentApi.emergenciesOf(patient.address, from, 100);
    all.push(...page);
    if (page.length < 100) return all;
  }
}

/// Ends whatever an earlier run left: Bob's open accesses on Eve are disputed, his disputed
/// ones cleared by the authority (sudo), Eve's grants to Charlie revoked.
async function cleanUp(api, { alice, bob, charlie, eve }) {
  for (const [id, e] of await emergenciesOf(api, eve)) {
    if (!e.practitioner.eq(bob.address)) continue;
    if (e.status.isOpen) {
      await send(api, api.tx.consent.reviewEmergencyAccess(id, false), eve);
    }
  }
  for (const [id, e] of await emergenciesOf(api, eve)) {
    if (e.practitioner.eq(bob.address) && e.status.isEscalated) {
      await send(api, api.tx.sudo.sudo(api.tx.consent.resolveEmergencyAccess(id, false)), alice);
    }
  }
  for (const g of await api.call.consentApi.grantsOf(eve.address)) {
    if (g.grantee.isPractitioner && g.grantee.asPractitioner.eq(charlie.address)) {
      await send(api, api.tx.consent.revokeConsent(g.id), eve);
    }
  }
}

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const charlie = keyring.addFromUri('//Charlie');
  const eve = keyring.addFromUri('//Eve');
  const parties = { alice, bob, charlie, eve };
  await cleanUp(api, parties);
  assert((await api.query.consent.unresolvedDisputes(eve.address, bob.address)).toNumber() === 0,
    'Bob still has unresolved disputes on Eve after clean-up');

  // M6: break the glass, be disputed, break it again at once.
  const commitment = emergencyCommitment('Other', `security check ${Date.now()}`);
  const opened = await send(api, api.tx.consent.openEmergencyAccess(eve.address, COUNTY_HOSPITAL,
    commitment, 10), bob);
  const emergencyId = findEvent(opened.events, 'consent', 'EmergencyAccessOpened').data.emergency.toNumber();
  const disputed = await send(api, api.tx.consent.reviewEmergencyAccess(emergencyId, false), eve);
  assert(findEvent(disputed.events, 'consent', 'EmergencyAccessEscalated').data.disputed.isTrue,
    'the dispute was not recorded');
  const beforeM6 = await emergencyState(api, eve, bob);
  assert(JSON.parse(beforeM6).disputes === 1, `Bob's dispute is not counted: ${beforeM6}`);
  await expectFailure(api, api.tx.consent.openEmergencyAccess(eve.address, COUNTY_HOSPITAL,
    commitment, 10), bob, 'consent.EmergencyAccessDisputed');
  const afterM6 = await emergencyState(api, eve, bob);
  assert(afterM6 === beforeM6, `the refused break-glass changed state: ${beforeM6} -> ${afterM6}`);
  console.log(`  M6: break-glass ${emergencyId} disputed; Bob's reopening refused, nothing changed`);
  // The authority clears Bob; the bar lifts (not exercised, to spare his rate limit).
  await send(api, api.tx.sudo.sudo(api.tx.consent.resolveEmergencyAccess(emergencyId, false)), alice);
  assert((await api.query.consent.unresolvedDisputes(eve.address, bob.address)).toNumber() === 0,
    'resolving the dispute did not lift the bar');

  // M7: a read-only grant cannot lend a specialist the right to write.
  const now = await bestNumber(api);
  const granted = await send(api, api.tx.consent.grantConsent(eve.address, { Practitioner: charlie.address },
    ['Treatment'], { Categories: ['Observation'] }, now, now + 1000, false, true), eve);
  const grantId = findEvent(granted.events, 'consent', 'ConsentGranted').data.grant.toNumber();
  const beforeM7 = await referralState(api, eve, bob);
  await expectFailure(api, api.tx.consent.refer(grantId, HEKOU_CLINIC, bob.address, COUNTY_HOSPITAL,
    { Categories: ['Observation'] }, now + 300, true), charlie, 'consent.ReportNotAllowed');
  await expectFailure(api, api.tx.patientRecords.anchorRecord(eve.address, COUNTY_HOSPITAL, 'Document',
    blake2AsHex(randomAsU8a(64)), COUNTY_HOSPITAL, 64, null), bob, 'patientRecords.NoWriteAccess');
  const afterM7 = await referralState(api, eve, bob);
  assert(afterM7 === beforeM7, `the refused referral changed state: ${beforeM7} -> ${afterM7}`);
  console.log(`  M7: referral with a report on read-only grant ${grantId} refused, Bob cannot write, nothing changed`);
  await send(api, api.tx.consent.revokeConsent(grantId), eve);
}
