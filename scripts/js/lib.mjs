// Helpers shared by the polkadot.js checks: connecting, signing and waiting for finalization,
// reading events and decoding dispatch errors.
import { ok } from 'node:assert/strict';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { hexToU8a, stringToU8a, u8aToHex } from '@polkadot/util';

// Each connection's provider, for JSON-RPC calls whose answers must stay undecoded.
const providers = new WeakMap();

/// A JSON-RPC call answered as plain JSON (hex stays hex), whatever metadata polkadot.js holds.
export function rawRpc(api, method, params) {
  const provider = providers.get(api);
  if (!provider) throw new CheckError('rawRpc needs an api made by connect()');
  return provider.send(method, params);
}

/// A WsProvider that never answers from its cache. polkadot.js keeps the answer to a call made at
/// a block hash (`chain_getHeader(hash)` among them) for 30 s, and every read of it restarts the
/// 30 s: a check polling a node for a block it has not imported yet kept reading the first `null`
/// after the node imported it (CI: "node 3 never imported block …" while node 3's best chain held
/// it). `cacheCapacity` 0 does not turn the cache off in 16.5 (`0 || 1024`), so this does.
class UncachedWsProvider extends WsProvider {
  send(method, params, _isCacheable, subscription) {
    return super.send(method, params, false, subscription);
  }
}

export async function connect(url) {
  await cryptoWaitReady();
  const provider = new UncachedWsProvider(url, 1000, {}, 30_000);
  // polkadot.js keeps retrying an unreachable node for ever: give up after 60 s.
  let timer;
  const gaveUp = new Promise((_, reject) => {
    timer = setTimeout(() => { reject(new CheckError(`no node answered at ${url} within 60 s`)); }, 60_000);
  });
  let api;
  try {
    api = await Promise.race([ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true }), gaveUp]);
  } catch (error) {
    await provider.disconnect().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  providers.set(api, provider);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return { api, keyring };
}

export class CheckError extends Error {}

/// node:assert's `ok`: throws an AssertionError with `message` unless `cond` holds.
export function assert(cond, message) {
  ok(cond, message);
}

/// Decodes a dispatch error into `pallet.Error` form.
export function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const d = api.registry.findMetaError(dispatchError.asModule);
    return `${d.section}.${d.name}`;
  }
  return dispatchError.toString();
}

/// The events of the extrinsic `txHash` in block `blockHash`, read straight from the chain, and
/// the dispatch error if it failed. The block's body comes as raw hex (the extrinsic's index is
/// found by hash, no decoding), and its `system.events` are decoded with the metadata of the
/// runtime that executed the block: the one in its *parent's* state. polkadot.js gets this
/// wrong for the block that carries a runtime upgrade (it files that block under the new
/// runtime), which is why this exists. Retries a few times on RPC errors.
export async function extrinsicEvents(api, blockHash, txHash, attempts = 5) {
  let lastError;
  for (let i = 0; i < attempts; i += 1) {
    try {
      const signed = await rawRpc(api, 'chain_getBlock', [blockHash]);
      if (!signed) throw new CheckError(`block ${blockHash} not found`);
      const index = signed.block.extrinsics.findIndex((x) => blake2AsHex(hexToU8a(x)) === txHash);
      if (index < 0) throw new CheckError(`extrinsic ${txHash} is not in block ${blockHash}`);
      const executedBy = await api.at(signed.block.header.parentHash);
      const entry = executedBy.query.system.events;
      const raw = await rawRpc(api, 'state_getStorage', [entry.key(), blockHash]);
      const records = executedBy.registry.createType(
        executedBy.registry.createLookupType(entry.creator.meta.type.asPlain), hexToU8a(raw));
      const events = records
        .filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.eqn(index));
      const failed = events.find(({ event }) => event.section === 'system' && event.method === 'ExtrinsicFailed');
      return { events, dispatchError: failed ? failed.event.data[0] : undefined };
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new CheckError(`could not read the events of ${txHash} in ${blockHash}: ${lastError?.message}`);
}

/// Signs and sends `tx`; resolves with `{ events, blockHash, txHash }` once its block is finalized
/// (or, with `finalized: false`, once it is in a block); rejects with the decoded error if the
/// extrinsic failed. If polkadot.js could not read the block's events itself (it then reports
/// an `internalError`, or no `txIndex`, and no events, e.g. around a runtime upgrade), they are
/// read again with `extrinsicEvents`, so a caller never mistakes "not read" for "not emitted".
export function send(api, tx, signer, { finalized = false, timeoutMs = 90_000 } = {}) {
  const name = `${tx.method.section}.${tx.method.method}`;
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      unsub();
      reject(new CheckError(`${name} not finalized in ${timeoutMs} ms`));
    }, timeoutMs);
    const settle = async (result) => {
      const { status } = result;
      const blockHash = status.isFinalized ? status.asFinalized : status.asInBlock;
      let { events, dispatchError } = result;
      if (result.internalError || result.txIndex === undefined) {
        const why = result.internalError ? result.internalError.message : 'extrinsic not found in its block';
        console.log(`  (polkadot.js could not read the events of ${name}: ${why}; reading them again)`);
        ({ events, dispatchError } = await extrinsicEvents(api, blockHash, result.txHash.toHex()));
      }
      if (dispatchError) {
        const module = describeError(api, dispatchError);
        const err = new CheckError(`${name} failed: ${module}`);
        err.module = module;
        err.blockHash = blockHash;
        throw err;
      }
      return { events, blockHash, txHash: result.txHash.toHex() };
    };
    tx.signAndSend(signer, { nonce: -1 }, (result) => {
      const { status } = result;
      if (settled) return;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        settled = true;
        clearTimeout(timer);
        unsub();
        reject(new CheckError(`${name}: ${status.type}`));
        return;
      }
      if (finalized ? !status.isFinalized : !(status.isInBlock || status.isFinalized)) return;
      settled = true;
      clearTimeout(timer);
      unsub();
      settle(result).then(resolve, reject);
    }).then((u) => { unsub = u; if (settled) u(); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

/// Sends `tx` expecting it to fail with `expected` (`pallet.Error`); resolves with the hash of
/// the block that holds the failed extrinsic.
export async function expectFailure(api, tx, signer, expected) {
  try {
    await send(api, tx, signer);
  } catch (e) {
    assert(e.module === expected, `expected ${expected}, got: ${e.message}`);
    return e.blockHash;
  }
  throw new CheckError(`expected ${expected}, but the call succeeded`);
}

/// The data of the first `section.method` event among `events`.
export function findEvent(events, section, method) {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  assert(found, `no ${section}.${method} event`);
  return found.event;
}

/// Sends `tx` and waits for finalization.
export function sendAndFinalize(api, tx, signer, opts = {}) {
  return send(api, tx, signer, { ...opts, finalized: true });
}

/// A fresh funded account for one check, so checks never depend on each other's state.
export async function freshAccount(api, keyring, label, funder, amount = 10_000_000_000_000n) {
  const pair = keyring.addFromUri(`//${label}/${Date.now()}/${Math.random()}`);
  await send(api, api.tx.balances.transferKeepAlive(pair.address, amount), funder);
  return pair;
}

/// The current best block number.
export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/// Resolves once the best block is at least `n`.
export async function waitForBlock(api, n) {
  while ((await bestNumber(api)) < n) {
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/// `text` as hex of its UTF-8 bytes: how polkadot.js takes `Bytes` arguments (GTINs, lot
/// numbers, serials).
export function hex(text) {
  return u8aToHex(stringToU8a(text));
}

/// Passes `call` (an `api.tx.*` call) through the health council (pallet `council`): the first
/// of `members` (keyring pairs) proposes it with `threshold` ayes needed, the first `threshold`
/// members vote aye, and the last of them closes the motion, which carries at once (no waiting
/// for the motion duration). With `threshold` 1 the call is dispatched when proposed.
/// Resolves with `{ proposalHash, index, result, events, blockHash }`: `result` is the call's own
/// outcome, 'ok' or the decoded error (`pallet.Error` or e.g. 'BadOrigin'), because a motion is
/// carried even when its call then fails; `blockHash` is the block the call was dispatched in.
/// Rejects if proposing, voting or closing fails (e.g. with `council.NotMember`).
export async function councilMotion(api, call, members, threshold = members.length) {
  assert(threshold >= 1 && threshold <= members.length, `threshold ${threshold} needs ${threshold} members`);
  const proposal = call.method;
  const lengthBound = proposal.encodedLength;
  const outcome = (events, proposalHash) => {
    const executed = events.find(({ event }) => event.section === 'council'
      && event.method === 'Executed' && event.data.proposalHash.eq(proposalHash));
    assert(executed, `motion ${proposalHash} was not executed`);
    const result = executed.event.data.result;
    return result.isOk ? 'ok' : describeError(api, result.asErr);
  };
  const proposed = await send(api, api.tx.council.propose(threshold, proposal, lengthBound), members[0]);
  if (threshold === 1) {
    const proposalHash = proposal.hash;
    return { proposalHash, index: null, result: outcome(proposed.events, proposalHash), events: proposed.events,
      blockHash: proposed.blockHash };
  }
  const data = findEvent(proposed.events, 'council', 'Proposed').data;
  const proposalHash = data.proposalHash;
  const index = data.proposalIndex.toNumber();
  // Members vote in parallel: their transactions do not depend on each other.
  await Promise.all(members.slice(0, threshold)
    .map((m) => send(api, api.tx.council.vote(proposalHash, index, true), m)));
  // The call's weight bounds what `close` may dispatch; the weight of a whole transaction
  // carrying it is a safe upper bound.
  const { weight } = await api.tx(proposal).paymentInfo(members[0]);
  const closed = await send(api, api.tx.council.close(proposalHash, index, weight, lengthBound),
    members[threshold - 1]);
  return { proposalHash, index, result: outcome(closed.events, proposalHash), events: closed.events,
    blockHash: closed.blockHash };
}
