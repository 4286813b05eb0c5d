// Drug provenance through polkadot.js: the demo manufacturer commissions a serialised lot of
// the demo amoxicillin, ships it to the distributor, who ships it to the pharmacy; the
// pharmacist dispenses a pack to a consenting patient, linked to the patient's
// medication-dispense record; the counterfeit check tells a genuine pack, a dispensed serial
// and unknown packs apart; a recall blocks dispensing and reaches the patient's record.
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';
import { assert, send, expectFailure, findEvent, freshAccount, bestNumber, hex } from '../../lib.mjs';

const PHARMACY = 3; // Dave is its pharmacist
const MAKER = 4; // //One administers it
const DISTRIBUTOR = 5; // //Two administers it
const AMOXICILLIN = '06901234567892'; // registered at genesis by the maker

const gtin = hex(AMOXICILLIN);

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice');
  const maker = keyring.addFromUri('//One');
  const distributor = keyring.addFromUri('//Two');
  const dave = keyring.addFromUri('//Dave');
  const lotNumber = `JS-${Date.now()}`;
  const packs = ['P1', 'P2', 'P3'].map(hex);
  const today = Math.floor(Date.now() / 86_400_000);

  const commissioned = await send(api, api.tx.drugProvenance.commissionLot(
    gtin, hex(lotNumber), today - 10, today + 700, 3, true), maker);
  const lot = findEvent(commissioned.events, 'drugProvenance', 'LotCommissioned').data.lot.toNumber();
  await send(api, api.tx.drugProvenance.commissionSerials(lot, packs), maker);
  console.log(`  maker commissioned lot ${lot} (${lotNumber}) with 3 serialised packs`);

  const shipTo = async (from, to, sender, receiver) => {
    const shipped = await send(api, api.tx.drugProvenance.ship(lot, from, to, 3, packs), sender);
    const shipment = findEvent(shipped.events, 'drugProvenance', 'Shipped').data.shipment.toNumber();
    await send(api, api.tx.drugProvenance.receiveShipment(shipment, 3, []), receiver);
    return shipment;
  };
  await shipTo(MAKER, DISTRIBUTOR, maker, distributor);
  // Nobody ships what they do not hold: the maker no longer has the packs.
  await expectFailure(api, api.tx.drugProvenance.ship(lot, MAKER, PHARMACY, 1, [packs[0]]), maker,
    'drugProvenance.PackNotHeld');
  await shipTo(DISTRIBUTOR, PHARMACY, distributor, dave);
  console.log('  maker -> distributor -> pharmacy, each receipt confirmed by the receiver');

  // The patient consents; the pharmacist records the dispense and hands over pack P1.
  const patient = await freshAccount(api, keyring, 'DrugPatient', alice);
  await send(api, api.tx.patientRecords.registerPatient(), patient);
  const now = await bestNumber(api);
  await send(api, api.tx.consent.grantConsent(patient.address, { Practitioner: dave.address },
    ['Treatment'], 'AllRecords', now, now + 1000, true, false), patient);
  const anchored = await send(api, api.tx.patientRecords.anchorRecord(patient.address, PHARMACY,
    'MedicationDispense', blake2AsHex(randomAsU8a(64)), 'ipfs://bafy-dispense', 64, null), dave);
  const recordId = findEvent(anchored.events, 'patientRecords', 'RecordAnchored').data.record.toNumber();
  const dispensed = await send(api, api.tx.drugProvenance.dispense(lot, PHARMACY, 1, [packs[0]],
    [patient.address, recordId]), dave);
  const event = findEvent(dispensed.events, 'drugProvenance', 'Dispensed');
  assert(event.data.record.unwrap().toNumber() === recordId, 'the dispense is not linked to the record');
  console.log(`  Dave dispensed pack P1 to the patient, linked to record ${recordId}`);

  // The counterfeit check.
  const verify = (number, serial) =>
    api.call.drugProvenanceApi.verify(gtin, hex(number), serial === null ? null : hex(serial));
  const genuine = await verify(lotNumber, 'P2');
  assert(genuine.verdict.isGenuine, `P2: ${genuine.verdict}`);
  assert(genuine.manufacturer.unwrap().toNumber() === MAKER, 'wrong maker');
  assert(genuine.custody.unwrap().isHeld && genuine.custody.unwrap().asHeld.toNumber() === PHARMACY,
    `P2 custody ${genuine.custody}`);
  const orgs = genuine.path.map((e) => e.org.toNumber());
  assert(JSON.stringify(orgs) === JSON.stringify([MAKER, MAKER, DISTRIBUTOR, DISTRIBUTOR, PHARMACY, PHARMACY]),
    `custody path ${orgs}`);
  const copy = await verify(lotNumber, 'P1');
  assert(copy.verdict.isAlreadyDecommissioned, `a second P1: ${copy.verdict}`);
  assert((await verify(lotNumber, 'P9')).verdict.isUnknown, 'an uncommissioned serial is not unknown');
  assert((await verify('NO-SUCH-LOT', 'P2')).verdict.isUnknown, 'an unknown lot is not unknown');
  const fakeGtin = await api.call.drugProvenanceApi.verify(hex('04006381333931'), hex(lotNumber), null);
  assert(fakeGtin.verdict.isUnknown && fakeGtin.manufacturer.isNone, 'an unknown product is not unknown');
  console.log(`  verify: P2 genuine with a ${orgs.length}-step path, P1 already dispensed, unknown packs unknown`);

  // The maker recalls the lot: the pharmacy can no longer dispense, and the recall reaches
  // the patient's record.
  const recalled = await send(api, api.tx.drugProvenance.recallLot(lot, 'QualityDefect'), maker);
  assert(findEvent(recalled.events, 'drugProvenance', 'LotRecalled').data.dispensations.toNumber() === 1,
    'the recall does not count the dispensation');
  await expectFailure(api, api.tx.drugProvenance.dispense(lot, PHARMACY, 1, [packs[1]], null), dave,
    'drugProvenance.LotRecalled');
  const reach = await api.call.drugProvenanceApi.recallReach(lot, 0, 10);
  assert(reach.length === 1, `recall reach ${reach.length}`);
  const [patientId, record] = reach[0][1].record.unwrap();
  assert(patientId.toString() === patient.address && record.toNumber() === recordId,
    'the recall does not reach the patient record');
  assert((await verify(lotNumber, 'P2')).verdict.isRecalled, 'P2 not shown recalled');
  console.log('  recall: dispensing refused, the dispensation and its record found, P2 shows recalled');
}
