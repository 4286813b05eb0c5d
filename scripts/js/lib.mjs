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

/// Signs and sends `tx`, resolves when its block is finalized with `{ events, blockHash }`;
/// rejects with the decoded error if the extrinsic failed.
export function sendAndFinalize(api, tx, signer, { timeoutMs = 60_000 } = {}) {
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
      if (!status.isFinalized) return;
      clearTimeout(timer);
      unsub();
      if (dispatchError) {
        const err = new CheckError(
          `${tx.method.section}.${tx.method.method} failed: ${describeError(api, dispatchError)}`);
        err.module = describeError(api, dispatchError);
        reject(err);
        return;
      }
      resolve({ events, blockHash: status.asFinalized });
    }).then((u) => { unsub = u; }, (e) => { clearTimeout(timer); reject(e); });
  });
}

/// Sends `tx` expecting it to fail with `expected` (`pallet.Error`).
export async function expectFailure(api, tx, signer, expected) {
  try {
    await sendAndFinalize(api, tx, signer);
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
