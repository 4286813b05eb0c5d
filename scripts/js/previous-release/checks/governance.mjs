// The health council through polkadot.js: its seats and prime come from genesis; a majority
// motion verifies a new organisation (the medical authority without sudo); a non-member cannot
// propose; one member cannot authorise a runtime upgrade; a two-thirds motion can, and code whose
// hash was not authorised is refused (authorised bytes that are not a runtime are rejected too).
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { assert, send, expectFailure, findEvent, freshAccount, councilMotion } from '../lib.mjs';

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const charlie = keyring.addFromUri('//Charlie');
  const dave = keyring.addFromUri('//Dave');

  const seats = (await api.query.council.members()).map((a) => a.toString());
  for (const member of [alice, bob, charlie]) {
    assert(seats.includes(member.address), `${member.address} has no council seat`);
  }
  assert(!seats.includes(dave.address), 'Dave should not sit on the council');
  const membership = (await api.query.councilMembership.members()).map((a) => a.toString());
  assert(JSON.stringify(membership) === JSON.stringify(seats), 'membership and council disagree');
  const prime = await api.query.council.prime();
  assert(prime.isSome && prime.unwrap().toString() === alice.address, `prime is ${prime}`);
  console.log(`  council of ${seats.length} seats, prime Alice`);

  // A new township health centre applies; a council majority (2 of 3) verifies it.
  const applicant = await freshAccount(api, keyring, 'GovernanceApplicant', alice);
  const applied = await send(api, api.tx.registry.applyForOrganisation('TownshipHealthCentre',
    'Governance Check Health Centre', { county: 1001, township: 7, village: 0 }), applicant);
  const org = findEvent(applied.events, 'registry', 'OrganisationApplied').data.org.toNumber();
  const verify = api.tx.registry.verifyOrganisation(org);
  const verified = await councilMotion(api, verify, [bob, charlie], 2);
  assert(verified.result === 'ok', `verification motion: ${verified.result}`);
  findEvent(verified.events, 'registry', 'OrganisationVerified');
  const status = (await api.query.registry.organisations(org)).unwrap().status;
  assert(status.isActive, `organisation ${org} is ${status}`);
  console.log(`  motion ${verified.index}: Bob and Charlie verified organisation ${org}`);

  // Dave holds no seat: his proposal is refused.
  await expectFailure(api, api.tx.council.propose(2, verify.method, verify.method.encodedLength),
    dave, 'council.NotMember');
  console.log('  a non-member cannot propose');

  // One member alone (threshold 1 dispatches at once as 1 of 3): not enough for an upgrade.
  const decoy = randomAsU8a(64);
  const authorise = api.tx.governance.authorizeUpgrade(blake2AsHex(decoy));
  const alone = await councilMotion(api, authorise, [alice], 1);
  assert(alone.result === 'BadOrigin', `1 of 3 authorising an upgrade: ${alone.result}`);
  assert((await api.query.system.authorizedUpgrade()).isNone, 'one member authorised an upgrade');
  console.log('  one member cannot authorise a runtime upgrade');

  // Two of three authorise the hash of `decoy`; other code is refused, and `decoy` itself,
  // not being a runtime, is rejected when applied (which clears the authorisation).
  const carried = await councilMotion(api, authorise, [alice, charlie], 2);
  assert(carried.result === 'ok', `2 of 3 authorising an upgrade: ${carried.result}`);
  const authorised = await api.query.system.authorizedUpgrade();
  assert(authorised.isSome && authorised.unwrap().codeHash.toHex() === blake2AsHex(decoy),
    `authorised upgrade is ${authorised}`);
  await expectFailure(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(randomAsU8a(64))), dave,
    'system.Unauthorized');
  const applied2 = await send(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(decoy)), dave);
  const rejected = findEvent(applied2.events, 'system', 'RejectedInvalidAuthorizedUpgrade');
  assert(rejected.data.codeHash.toHex() === blake2AsHex(decoy), 'wrong code rejected');
  assert((await api.query.system.authorizedUpgrade()).isNone, 'authorisation left behind');
  console.log('  two thirds authorised a code hash; unauthorised code refused, non-runtime code rejected');
}
