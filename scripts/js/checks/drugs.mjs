// Drug provenance through polkadot.js: the demo manufacturer commissions a serialised lot of
// the demo amoxicillin (its GTIN under the maker's GS1 company prefix; a GTIN outside it is
// refused), ships it to the distributor, who ships it to the pharmacy; the pharmacist
// dispenses a pack to a consenting patient, storing only a salted commitment (no patient, no
// record id on chain); the counterfeit check tells a genuine pack, a dispensed serial and
// unknown packs apart; a holder flags only its own stock; a recall blocks dispensing and
// reaches the pharmacy, which recognises its patient's commitment; holders are paged; a
// broken cold chain is not cleared by the maker and verifies ColdChainBreached until the
// authority clears it; the authority cancels a shipment in transit.
import { blake2AsHex, randomAsU8a, decodeAddress } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { assert, send, expectFailure, findEvent, freshAccount, bestNumber, hex } from '../lib.mjs';

const PHARMACY = 3; // Dave is its pharmacist
const MAKER = 4; // //One administers it
const DISTRIBUTOR = 5; // //Two administers it
const AMOXICILLIN = '06901234567892'; // registered at genesis by the maker
const MR_VACCINE = '06901234567106'; // registered at genesis by the maker, 2–8 °C
const MAKER_PREFIX = '690123456'; // the maker's GS1 company prefix, assigned at genesis

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
    'MedicationDispense', blake2AsHex(randomAsU8a(64)), PHARMACY, 64, null), dave);
  const recordId = findEvent(anchored.events, 'patientRecords', 'RecordAnchored').data.record.toNumber();
  // Only the pharmacy and the patient keep the salt: the chain gets an opaque commitment.
  const salt = randomAsU8a(32);
  const recordLe = new Uint8Array(8);
  new DataView(recordLe.buffer).setBigUint64(0, BigInt(recordId), true);
  const commitment = blake2AsHex(u8aConcat(decodeAddress(patient.address), recordLe, salt), 256);
  const dispensed = await send(api, api.tx.drugProvenance.dispense(lot, PHARMACY, 1, [packs[0]],
    commitment), dave);
  const event = findEvent(dispensed.events, 'drugProvenance', 'Dispensed');
  const eventJson = JSON.stringify(event.data.toJSON());
  const fields = event.meta.fields.map((f) => f.name.unwrap().toString());
  assert(!fields.includes('record'), `the Dispensed event names a record: ${fields}`);
  assert(!eventJson.includes(u8aToHex(decodeAddress(patient.address)).slice(2)),
    'the Dispensed event names the patient');
  console.log(`  Dave dispensed pack P1 to the patient; the chain holds only the commitment ${commitment.slice(0, 10)}…`);

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
  const reached = reach[0][1];
  assert(reached.org.toNumber() === PHARMACY, `recall reaches org ${reached.org}`);
  assert(reached.commitment.unwrap().toHex() === commitment, 'the pharmacy does not find its commitment');
  assert(!JSON.stringify(reached.toJSON()).includes(u8aToHex(decodeAddress(patient.address)).slice(2)),
    'the recall reach names the patient');
  const stored = await api.query.drugProvenance.dispensations(reach[0][0]);
  assert(!('record' in stored.unwrap().toJSON()), 'a dispensation still stores a record link');
  assert((await verify(lotNumber, 'P2')).verdict.isRecalled, 'P2 not shown recalled');
  console.log('  recall: dispensing refused, the pharmacy and its commitment found (no patient), P2 shows recalled');

  // GTINs belong to the GS1 company prefix holder: the maker cannot register a GTIN outside
  // its prefix (GS1's example GTIN, prefix 4006381).
  let owner = await api.query.drugProvenance.prefixOwners(hex(MAKER_PREFIX));
  if (owner.isNone) {
    // A chain upgraded from a release without prefixes: the authority assigns it now.
    await send(api, api.tx.sudo.sudo(api.tx.drugProvenance.assignCompanyPrefix(MAKER, hex(MAKER_PREFIX))), alice);
    owner = await api.query.drugProvenance.prefixOwners(hex(MAKER_PREFIX));
  }
  assert(owner.isSome && owner.unwrap().toNumber() === MAKER, `prefix ${MAKER_PREFIX} owner ${owner}`);
  await expectFailure(api, api.tx.drugProvenance.registerProduct(MAKER, hex('04006381333931'),
    hex('Squatted'), 'Tablet', hex('1 mg'), 'Ambient'), maker, 'drugProvenance.GtinNotInCompanyPrefix');
  console.log(`  GTINs: prefix ${MAKER_PREFIX} is the maker's; a GTIN outside it is refused`);

  // Holders, paged.
  const unser = `JS-U-${Date.now()}`;
  const made = await send(api, api.tx.drugProvenance.commissionLot(
    gtin, hex(unser), today - 10, today + 700, 30, false), maker);
  const plain = findEvent(made.events, 'drugProvenance', 'LotCommissioned').data.lot.toNumber();
  const shipPlain = async (from, to, n, sender, receiver) => {
    const shipped = await send(api, api.tx.drugProvenance.ship(plain, from, to, n, []), sender);
    const shipment = findEvent(shipped.events, 'drugProvenance', 'Shipped').data.shipment.toNumber();
    await send(api, api.tx.drugProvenance.receiveShipment(shipment, n, []), receiver);
  };
  await shipPlain(MAKER, DISTRIBUTOR, 20, maker, distributor);
  await shipPlain(DISTRIBUTOR, PHARMACY, 5, distributor, dave);
  const all = (await api.call.drugProvenanceApi.holdersOf(plain, null, 10)).map(([o, q]) => [o.toNumber(), q.toNumber()]);
  assert(all.length === 3, `holders ${JSON.stringify(all)}`);
  const first = await api.call.drugProvenanceApi.holdersOf(plain, null, 2);
  const rest = await api.call.drugProvenanceApi.holdersOf(plain, first[1][0], 2);
  const paged = [...first, ...rest].map(([o, q]) => [o.toNumber(), q.toNumber()]);
  assert(JSON.stringify(paged) === JSON.stringify(all), `paged holders ${JSON.stringify(paged)} vs ${JSON.stringify(all)}`);
  console.log(`  holders paged: ${JSON.stringify(all)}`);

  // A holder other than the maker flags only its own stock: the distributor still ships.
  const flagged = await send(api, api.tx.drugProvenance.flagSuspect(plain, null, PHARMACY, 'PackagingDamaged'), dave);
  assert(findEvent(flagged.events, 'drugProvenance', 'FlaggedSuspect').data.lotWide.isFalse, 'a holder flagged the whole lot');
  await expectFailure(api, api.tx.drugProvenance.dispense(plain, PHARMACY, 1, [], null), dave,
    'drugProvenance.HoldingQuarantined');
  await shipPlain(DISTRIBUTOR, PHARMACY, 1, distributor, dave);
  await send(api, api.tx.drugProvenance.clearHoldingSuspicion(plain, PHARMACY), maker);
  await send(api, api.tx.drugProvenance.dispense(plain, PHARMACY, 1, [], null), dave);
  console.log('  a pharmacy flagged its own stock only; the maker cleared it');

  // The authority (sudo on the dev chain) cancels a shipment in transit: the packs are back.
  const inTransit = await send(api, api.tx.drugProvenance.ship(plain, DISTRIBUTOR, PHARMACY, 2, []), distributor);
  const stuck = findEvent(inTransit.events, 'drugProvenance', 'Shipped').data.shipment.toNumber();
  await expectFailure(api, api.tx.drugProvenance.cancelShipment(stuck), distributor,
    'drugProvenance.ShipmentNotStuck');
  const cancelled = await send(api, api.tx.sudo.sudo(api.tx.drugProvenance.cancelShipment(stuck)), alice);
  const cancel = findEvent(cancelled.events, 'drugProvenance', 'ShipmentCancelled').data;
  assert(cancel.byAuthority.isTrue && cancel.quantity.toNumber() === 2, `cancel ${cancel}`);
  console.log(`  shipment ${stuck}: the sender may not cancel yet; the authority cancelled it`);

  // A broken cold chain: the maker cannot clear it; it verifies ColdChainBreached until the
  // authority does.
  const mrNumber = `JS-MR-${Date.now()}`;
  const mr = await send(api, api.tx.drugProvenance.commissionLot(
    hex(MR_VACCINE), hex(mrNumber), today - 10, today + 300, 10, false), maker);
  const mrLot = findEvent(mr.events, 'drugProvenance', 'LotCommissioned').data.lot.toNumber();
  const excursion = await send(api, api.tx.drugProvenance.recordExcursion(mrLot, MAKER, 60, 140, 240), maker);
  assert(findEvent(excursion.events, 'drugProvenance', 'ExcursionRecorded').data.breached.isTrue, 'no breach');
  await expectFailure(api, api.tx.drugProvenance.clearSuspect(mrLot, null), maker,
    'drugProvenance.ColdChainBreached');
  const vaccine = () => api.call.drugProvenanceApi.verify(hex(MR_VACCINE), hex(mrNumber), null);
  assert((await vaccine()).verdict.isColdChainBreached, `breached lot: ${(await vaccine()).verdict}`);
  const cleared = await send(api, api.tx.sudo.sudo(api.tx.drugProvenance.clearSuspect(mrLot, null)), alice);
  findEvent(cleared.events, 'drugProvenance', 'SuspicionCleared');
  const after = await vaccine();
  assert(after.verdict.isGenuine && after.coldChainBreached.isTrue, `cleared lot: ${after.verdict}`);
  console.log('  cold chain: the maker may not clear a breach; ColdChainBreached until the authority cleared it');
}
