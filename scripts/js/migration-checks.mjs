// What the runtime upgrade from the previous release (spec_version 100) must do to storage, one
// entry per migrated pallet: which storage items its migrations rewrite (left out of the
// byte-for-byte comparison, with the pallet's storage version) and a check that reads them before
// the upgrade and verifies them after. A later release replaces these entries with its own.
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aConcat } from '@polkadot/util';
import { assert } from './lib.mjs';

/// `{ pallet, items, checks }`: `checks(api, before)` reads the pallet at block `before` (old
/// runtime) and resolves with `{ verify(after), summary() }`.
export const MIGRATIONS = [
  { pallet: 'Registry', items: ['Organisations', 'OrganisationCount'], checks: registryChecks },
  { pallet: 'Consent', items: ['EmergencyAccesses', 'EmergencyUsageOf', 'UnresolvedDisputes'], checks: consentChecks },
  { pallet: 'DrugProvenance', items: ['Dispensations'], checks: drugChecks },
  { pallet: 'PatientRecords', items: ['Patients', 'Records', 'KeyShares', 'KeyShareCount'], checks: recordsChecks },
  { pallet: 'EmergencySupply', items: ['Donations', 'RoundNeeds', 'DonorPledges', 'NextRoundToAllocate', 'DispatchOrder'],
    checks: supplyChecks },
];

/// `pallet.palletVersion()` at `at` must be `expected`.
async function expectVersion(at, pallet, expected, when) {
  const version = (await at.query[pallet].palletVersion()).toNumber();
  assert(version === expected, `${pallet} storage version ${version} ${when} the upgrade, expected ${expected}`);
}

/// Consent 1 -> 2 (security review M13, L10, M6): each break-glass access loses its plaintext
/// reason, folded into `justification = blake2_256(SCALE(reason) ++ old justification)`, every other
/// field kept; usage becomes a list of opening blocks; undisputed chains count no disputes.
async function consentChecks(api, before) {
  const old = await api.at(before);
  await expectVersion(old, 'consent', 1, 'before');
  const accesses = new Map((await old.query.consent.emergencyAccesses.entries())
    .map(([key, value]) => [key.args[0].toString(), value.unwrap()]));
  let checked = 0;
  return {
    async verify(after) {
      const now = await api.at(after);
      await expectVersion(now, 'consent', 2, 'after');
      const entries = await now.query.consent.emergencyAccesses.entries();
      assert(entries.length === accesses.size, `${entries.length} break-glass accesses after, ${accesses.size} before`);
      for (const [key, value] of entries) {
        const id = key.args[0].toString();
        const was = accesses.get(id);
        const { justification, ...rest } = value.unwrap().toJSON();
        assert(!('reason' in rest), `access ${id} still stores a reason`);
        const expected = blake2AsHex(u8aConcat(Uint8Array.of(was.reason.index), was.justification.toU8a()), 256);
        assert(justification === expected, `access ${id}: justification ${justification}, expected ${expected}`);
        const { reason: _, justification: __, ...kept } = was.toJSON();
        assert(JSON.stringify(rest) === JSON.stringify(kept), `access ${id} changed: ${JSON.stringify(rest)}`);
        checked += 1;
      }
    },
    summary() {
      return `Consent migrated from storage version 1 to 2: ${checked} break-glass accesses keep every field, reasons folded into their commitments`;
    },
  };
}

/// Drug provenance 0 -> 1 (security review H3): every dispensation loses its patient link and
/// gains no commitment; lot, organisation, quantity, serials and block are kept.
async function drugChecks(api, before) {
  const old = await api.at(before);
  await expectVersion(old, 'drugProvenance', 0, 'before');
  const dispensations = new Map((await old.query.drugProvenance.dispensations.entries())
    .map(([key, value]) => [key.args[0].toString(), value.unwrap().toJSON()]));
  let checked = 0;
  return {
    async verify(after) {
      const now = await api.at(after);
      await expectVersion(now, 'drugProvenance', 1, 'after');
      const entries = await now.query.drugProvenance.dispensations.entries();
      assert(entries.length === dispensations.size, `${entries.length} dispensations after, ${dispensations.size} before`);
      for (const [key, value] of entries) {
        const id = key.args[0].toString();
        const { commitment, ...rest } = value.unwrap().toJSON();
        assert(commitment === null && !('record' in rest), `dispensation ${id} still links a patient`);
        const { record: _, ...kept } = dispensations.get(id);
        assert(JSON.stringify(rest) === JSON.stringify(kept), `dispensation ${id} changed: ${JSON.stringify(rest)}`);
        checked += 1;
      }
    },
    summary() {
      return `DrugProvenance migrated from storage version 0 to 1: ${checked} dispensations keep every field but the patient link`;
    },
  };
}

const FROM_VERSION = 1;
const TO_VERSION = 3;

/// The registry's storage version 1 -> 2 migration gives every organisation a `verifiedAt` field
/// (null for organisations written before it, which did not record it), keeps every other field,
/// and runs exactly once; 2 -> 3 counts the organisations into `OrganisationCount` (the cap that
/// bounds any later migration of them).
async function registryChecks(api, before) {
  const old = await api.at(before);
  const version = (await old.query.registry.palletVersion()).toNumber();
  assert(version === FROM_VERSION, `registry storage version ${version} before the upgrade, expected ${FROM_VERSION}`);
  const organisations = new Map((await old.query.registry.organisations.entries())
    .map(([key, value]) => [key.args[0].toNumber(), value.unwrap().toJSON()]));
  assert(organisations.size > 0, 'no organisations to migrate');
  let checked = 0;
  return {
    async verify(after) {
      const now = await api.at(after);
      const migrated = (await now.query.registry.palletVersion()).toNumber();
      assert(migrated === TO_VERSION, `registry storage version ${migrated} after the upgrade, expected ${TO_VERSION}`);
      const entries = await now.query.registry.organisations.entries();
      assert(entries.length === organisations.size,
        `${entries.length} organisations after the upgrade, ${organisations.size} before`);
      for (const [key, value] of entries) {
        const id = key.args[0].toNumber();
        const { verifiedAt, ...rest } = value.unwrap().toJSON();
        assert(verifiedAt === null, `organisation ${id}: verifiedAt ${verifiedAt}, expected null`);
        assert(JSON.stringify(rest) === JSON.stringify(organisations.get(id)),
          `organisation ${id} changed: ${JSON.stringify(rest)} vs ${JSON.stringify(organisations.get(id))}`);
        checked += 1;
      }
      const count = (await now.query.registry.organisationCount()).toNumber();
      assert(count === organisations.size, `OrganisationCount ${count}, ${organisations.size} organisations`);
    },
    summary() {
      return `Registry migrated from storage version ${FROM_VERSION} to ${TO_VERSION}: ${checked} organisations kept, each with verifiedAt null, and counted`;
    },
  };
}

/// Emergency supply 1 -> 2 (security review H2, M1, M2, M3): every donation gains `warehouse:
/// null` (legacy: any active warehouse may confirm it) and keeps every other field; every need
/// keeps its id, organisation, item round and reason, with `requestedPriority` added; the new
/// indexes are filled.
async function supplyChecks(api, before) {
  const old = await api.at(before);
  await expectVersion(old, 'emergencySupply', 1, 'before');
  const donations = new Map((await old.query.emergencySupply.donations.entries())
    .map(([key, value]) => [key.args[0].toString(), value.unwrap().toJSON()]));
  const rounds = new Map((await old.query.emergencySupply.roundNeeds.entries())
    .map(([key, value]) => [JSON.stringify(key.args.map((a) => a.toJSON())), value.toJSON()]));
  let needs = 0;
  return {
    async verify(after) {
      const now = await api.at(after);
      await expectVersion(now, 'emergencySupply', 2, 'after');
      const entries = await now.query.emergencySupply.donations.entries();
      assert(entries.length === donations.size, `${entries.length} donations after, ${donations.size} before`);
      for (const [key, value] of entries) {
        const id = key.args[0].toString();
        const { warehouse, ...rest } = value.unwrap().toJSON();
        assert(warehouse === null, `donation ${id} names warehouse ${warehouse}`);
        assert(JSON.stringify(rest) === JSON.stringify(donations.get(id)), `donation ${id} changed: ${JSON.stringify(rest)}`);
      }
      const after_ = await now.query.emergencySupply.roundNeeds.entries();
      assert(after_.length === rounds.size, `${after_.length} rounds with needs after, ${rounds.size} before`);
      for (const [key, value] of after_) {
        const round = JSON.stringify(key.args.map((a) => a.toJSON()));
        const was = rounds.get(round);
        const list = value.toJSON();
        assert(was && was.length === list.length, `round ${round}: ${list.length} needs after, ${was?.length} before`);
        list.forEach((need, i) => {
          for (const field of ['id', 'org', 'region', 'location', 'stockOnHand', 'reason', 'filedBy', 'allocated']) {
            assert(JSON.stringify(need[field]) === JSON.stringify(was[i][field]), `need ${need.id}: ${field} changed`);
          }
          assert(need.requestedPriority !== undefined, `need ${need.id} has no requestedPriority`);
          needs += 1;
        });
      }
    },
    summary() {
      return `EmergencySupply migrated from storage version 1 to 2: ${donations.size} donations keep every field (warehouse null), ${needs} needs kept`;
    },
  };
}

/// Patient records 1 -> 2 (security review M9, M11, M13): patients, records and key shares gain
/// their deposit fields (zero for old entries), records a vault in place of the free-form locator,
/// key shares their attacher (the reader); counts and every other field are kept.
async function recordsChecks(api, before) {
  const old = await api.at(before);
  const version = (await old.query.patientRecords.palletVersion()).toNumber();
  assert(version === 1, `patient-records storage version ${version} before the upgrade, expected 1`);
  // Old layouts decoded by the old metadata.
  const patients = new Map((await old.query.patientRecords.patients.entries())
    .map(([k, v]) => [k.args[0].toString(), v.unwrap().toJSON()]));
  const records = new Map((await old.query.patientRecords.records.entries())
    .map(([k, v]) => [k.args[0].toNumber(), v.unwrap().toJSON()]));
  const shares = (await old.query.patientRecords.keyShares.entries())
    .map(([k, v]) => ({ record: k.args[0].toNumber(), reader: k.args[1].toString(), key: v.unwrap().toHex() }));
  const care = new Map();
  for (const [k] of await old.query.patientRecords.careOrganisations.entries()) {
    const p = k.args[0].toString();
    if (!care.has(p)) care.set(p, []);
    care.get(p).push(k.args[1].toNumber());
  }
  let checked = 0;
  return {
    async verify(after) {
      const now = await api.at(after);
      assert((await now.query.patientRecords.palletVersion()).toNumber() === 2, 'patient-records not at version 2');
      const newPatients = await now.query.patientRecords.patients.entries();
      assert(newPatients.length === patients.size, 'number of patients changed');
      for (const [k, v] of newPatients) {
        const who = k.args[0].toString();
        const { depositor, deposit, ...rest } = v.unwrap().toJSON();
        assert(depositor === who && BigInt(deposit) === 0n, `patient ${who}: deposit ${depositor}/${deposit}`);
        assert(JSON.stringify(rest) === JSON.stringify(patients.get(who)), `patient ${who} changed`);
        checked += 1;
      }
      const newRecords = await now.query.patientRecords.records.entries();
      assert(newRecords.length === records.size, 'number of records changed');
      for (const [k, v] of newRecords) {
        const id = k.args[0].toNumber();
        const { vault, deposit, ...rest } = v.unwrap().toJSON();
        const { locator, ...oldRest } = records.get(id);
        assert(JSON.stringify(rest) === JSON.stringify(oldRest), `record ${id} changed`);
        assert(BigInt(deposit) === 0n, `record ${id}: deposit ${deposit}`);
        // Vault: the record's organisation, else the patient's smallest care organisation
        // id as stored first (Twox64Concat order, so compare membership), else null.
        if (oldRest.organisation !== null) assert(vault === oldRest.organisation, `record ${id}: vault ${vault}`);
        else if (vault !== null) assert((care.get(oldRest.patient) ?? []).includes(vault), `record ${id}: vault ${vault}`);
        checked += 1;
      }
      const counts = new Map();
      for (const s of shares) {
        counts.set(s.record, (counts.get(s.record) ?? 0) + 1);
        const v = (await now.query.patientRecords.keyShares(s.record, s.reader)).unwrap();
        assert(v.wrappedKey.toHex() === s.key && v.attachedBy.toString() === s.reader && v.deposit.isZero(),
          `key share (${s.record}, ${s.reader}) not migrated faithfully`);
        checked += 1;
      }
      const newCounts = await now.query.patientRecords.keyShareCount.entries();
      assert(newCounts.length === counts.size, 'KeyShareCount entries');
      for (const [k, v] of newCounts) {
        assert(v.toNumber() === counts.get(k.args[0].toNumber()), `KeyShareCount of ${k.args[0]}`);
      }
    },
    summary() {
      return `PatientRecords migrated from storage version 1 to 2: ${checked} patients, records and key shares kept`;
    },
  };
}
