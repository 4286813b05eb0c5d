// Helpers shared by the polkadot.js checks: connecting, signing and waiting for finalization,
// reading events and decoding dispatch errors.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export async function connect(url) {
  await cryptoWaitReady();
  const provider = new WsProvider(url, 1000, {}, 30_000);
  const api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return { api, keyring };
}

export class CheckError extends Error {}

export function assert(cond, message) {
  if (!cond) throw new CheckError(message);
}

/// Decodes a dispatch error into `pallet.Error` form.
export function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const d = api.registry.findMetaError(dispatchError.asModule);
    return `${d.section}.${d.name}`;
  }
  return dispatchError.toString();
}

/// Signs and sends `tx`; resolves with `{ events, blockHash }` once its block is finalized
/// (or, with `finalized: false`, once it is in a block); rejects with the decoded error if the
/// extrinsic failed.
export function send(api, tx, signer, { finalized = false, timeoutMs = 90_000 } = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    const timer = setTimeout(() => {
      unsub();
      reject(new CheckError(`${tx.method.section}.${tx.method.method} not finalized in ${timeoutMs} ms`));
    }, timeoutMs);
    tx.signAndSend(signer, { nonce: -1 }, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        clearTimeout(timer);
        unsub();
        reject(new CheckError(`${tx.method.section}.${tx.method.method}: ${status.type}`));
        return;
      }
      if (finalized ? !status.isFinalized : !(status.isInBlock || status.isFinalized)) return;
      clearTimeout(timer);
      unsub();
      if (dispatchError) {
        const err = new CheckError(
          `${tx.method.section}.${tx.method.method} failed: ${describeError(api, dispatchError)}`);
        err.module = describeError(api, dispatchError);
        reject(err);
        return;
      }
      resolve({ events, blockHash: status.isFinalized ? status.asFinalized : status.asInBlock });
    }).then((u) => { unsub = u; }, (e) => { clearTimeout(timer); reject(e); });
  });
}

/// Sends `tx` expecting it to fail with `expected` (`pallet.Error`).
export async function expectFailure(api, tx, signer, expected) {
  try {
    await send(api, tx, signer);
  } catch (e) {
    assert(e.module === expected, `expected ${expected}, got: ${e.message}`);
    return;
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
