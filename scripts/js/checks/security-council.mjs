// Security review M15 against the live dev chain: the prime's aye and the silence of the others
// pass no motion when it is closed after its period, not even a two-thirds one.
//
// The motion period is three days; on the development chain Root (the sudo key) shortens it for
// the check through the `CouncilMotionDuration` storage parameter and restores it afterwards.
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { assert, send, findEvent, bestNumber, waitForBlock } from '../lib.mjs';

const PERIOD = 3;

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice');
  const charlie = keyring.addFromUri('//Charlie');
  const key = xxhashAsHex(stringToU8a(':CouncilMotionDuration:'), 128);
  const period = api.createType('u32', PERIOD).toHex(true);

  await send(api, api.tx.sudo.sudo(api.tx.system.setStorage([[key, period]])), alice);
  try {
    // The review's scenario: prime Alice proposes an upgrade at threshold 2 and votes aye, Charlie
    // votes nay, Bob says nothing; after the period anyone closes it.
    const codeHash = blake2AsHex(stringToU8a(`a runtime only the prime wants ${Date.now()}`));
    const call = api.tx.governance.authorizeUpgrade(codeHash).method;
    const proposed = await send(api, api.tx.council.propose(2, call, call.encodedLength), alice);
    const { proposalHash, proposalIndex } = findEvent(proposed.events, 'council', 'Proposed').data;
    await send(api, api.tx.council.vote(proposalHash, proposalIndex, true), alice);
    await send(api, api.tx.council.vote(proposalHash, proposalIndex, false), charlie);
    const voting = (await api.query.council.voting(proposalHash)).unwrap();
    await waitForBlock(api, voting.end.toNumber() + 1);
    const { weight } = await api.tx(call).paymentInfo(alice);
    const closed = await send(api,
      api.tx.council.close(proposalHash, proposalIndex, weight, call.encodedLength), charlie);
    const tally = findEvent(closed.events, 'council', 'Closed').data;
    assert(tally.yes.toNumber() === 1 && tally.no.toNumber() === 2,
      `closed with ${tally.yes} ayes and ${tally.no} nays, expected 1 and 2`);
    findEvent(closed.events, 'council', 'Disapproved');
    assert(!closed.events.some(({ event }) => event.section === 'council' && event.method === 'Executed'),
      'the motion was executed');
    const authorised = await api.query.system.authorizedUpgrade();
    assert(authorised.isNone || authorised.unwrap().codeHash.toHex() !== codeHash,
      'the prime alone authorised an upgrade');
    console.log(`  M15: prime aye, one nay, one silent: closed 1-2 at #${await bestNumber(api)}, not executed`);
  } finally {
    await send(api, api.tx.sudo.sudo(api.tx.system.killStorage([key])), alice);
  }
  const restored = await api.rpc.state.getStorage(key);
  assert(restored.isNone || u8aToHex(restored.unwrap()) === '0x', 'the motion period was not restored');
}
