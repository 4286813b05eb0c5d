// Prints, as one JSON line, a digest of the medical data a node holds at a block: for each
// medical pallet (storage-digest.mjs: registry, patient records, consent, drug provenance,
// emergency supply) the number of storage entries and a BLAKE2 hash over every key and value
// under its prefix, plus a few readable counts (records, grants, referrals, the demo patients'
// grants; drug lots and dispensations, emergencies and supply allocations, each the pallet's next
// id, or null where the runtime at that block lacks the pallet). Two nodes, or one node before
// and after a crash, hold the same medical data at a block exactly when their digests are equal.
// The network tests (zombienet/tests/network.rs) compare them.
//
// usage: node medical-digest.mjs ws://127.0.0.1:9944 [blockHash|finalized]
import { connect } from './lib.mjs';
import { palletDigest, MEDICAL_PALLETS } from './storage-digest.mjs';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
const which = process.argv[3] ?? 'finalized';
const { api, keyring } = await connect(url);
try {
  const at = which === 'finalized' ? (await api.rpc.chain.getFinalizedHead()).toHex() : which;
  const header = await api.rpc.chain.getHeader(at);
  const apiAt = await api.at(at);
  const pallets = {};
  for (const pallet of MEDICAL_PALLETS) {
    const { entries, hash } = await palletDigest(api, pallet, at);
    pallets[pallet] = { entries, hash };
  }
  // The next id of a counted item, or null if the runtime at `at` has no such storage.
  const nextId = async (pallet, item) =>
    (apiAt.query[pallet]?.[item] ? (await apiAt.query[pallet][item]()).toNumber() : null);
  const eve = keyring.addFromUri('//Eve').address;
  const ferdie = keyring.addFromUri('//Ferdie').address;
  console.log(JSON.stringify({
    block: header.number.toNumber(),
    hash: at,
    records: (await apiAt.query.patientRecords.nextRecordId()).toNumber(),
    grants: (await apiAt.query.consent.nextGrantId()).toNumber(),
    referrals: (await apiAt.query.consent.nextReferralId()).toNumber(),
    demoGrants: {
      eve: (await apiAt.call.consentApi.grantsOf(eve)).length,
      ferdie: (await apiAt.call.consentApi.grantsOf(ferdie)).length,
    },
    lots: await nextId('drugProvenance', 'nextLotId'),
    dispensations: await nextId('drugProvenance', 'nextDispensationId'),
    emergencies: await nextId('emergencySupply', 'nextEmergencyId'),
    allocations: await nextId('emergencySupply', 'nextAllocationId'),
    pallets,
  }));
} finally {
  await api.disconnect();
}
