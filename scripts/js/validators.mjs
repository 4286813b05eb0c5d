// A hospital's validator joining, leaving and rotating its keys, as docs/validators.md tells its
// IT person and the health council to do it. The network tests (zombienet/tests/network.rs)
// call one command at a time and read the single JSON line each prints last.
//
// usage:
//   node validators.mjs set-keys <ws of the validator's own node> <signer suri> [<ws to submit to>]
//       the node makes fresh session keys with a proof of possession for the signer's account
//       (author_rotateKeysWithOwner, an unsafe RPC: the node's own, local RPC), and the signer
//       registers them (session.setKeys), through the other node if given (as an operator may
//       submit from polkadot.js Apps connected anywhere). Prints {"account","aura","grandpa"}.
//   node validators.mjs add|remove <ws> <validator suri>
//       the council (Alice and Bob, two of three) adds or removes that account's validator.
//       Prints {"validators": [...]} (the council's set after the motion).
//   node validators.mjs authorities <ws>
//       Prints {"session","validators","aura","grandpa","setId"} at the best block.
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { connect, assert, send, findEvent, councilMotion, rawRpc } from './lib.mjs';

const [command, url, suri, submitUrl] = process.argv.slice(2);
const { api, keyring } = await connect(url);

/// Splits the session keys' bytes (Aura sr25519, then GRANDPA ed25519: the runtime's
/// `SessionKeys`) into the two hex keys.
function splitKeys(bytes) {
  assert(bytes.length === 64, `session keys of ${bytes.length} bytes, expected 64`);
  return { aura: u8aToHex(bytes.slice(0, 32)), grandpa: u8aToHex(bytes.slice(32)) };
}

async function setKeys() {
  const signer = keyring.addFromUri(suri);
  const generated = await rawRpc(api, 'author_rotateKeysWithOwner', [u8aToHex(signer.publicKey)]);
  assert(generated.proof, 'the node returned no proof of possession (runtime without SessionKeys v2?)');
  const via = submitUrl ? (await connect(submitUrl)).api : api;
  try {
    await send(via, via.tx.session.setKeys(generated.keys, generated.proof), signer);
  } finally {
    if (via !== api) await via.disconnect();
  }
  return { account: signer.address, ...splitKeys(hexToU8a(generated.keys)) };
}

async function motion(kind) {
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const validator = keyring.addFromUri(suri).address;
  const call = kind === 'add'
    ? api.tx.validatorSet.addValidator(validator)
    : api.tx.validatorSet.removeValidator(validator);
  const outcome = await councilMotion(api, call, [alice, bob], 2);
  assert(outcome.result === 'ok', `validatorSet.${kind} ${validator}: ${outcome.result}`);
  findEvent(outcome.events, 'validatorSet', kind === 'add' ? 'ValidatorAdded' : 'ValidatorRemoved');
  return { validators: (await api.query.validatorSet.validators()).map(String) };
}

async function authorities() {
  const aura = (await api.query.aura.authorities()).map((k) => k.toHex());
  const grandpa = (await api.call.grandpaApi.grandpaAuthorities()).map(([k]) => k.toHex());
  return {
    session: (await api.query.session.currentIndex()).toNumber(),
    validators: (await api.query.session.validators()).map(String),
    aura,
    grandpa,
    setId: (await api.query.grandpa.currentSetId()).toNumber(),
  };
}

try {
  let out;
  if (command === 'set-keys') out = await setKeys();
  else if (command === 'add' || command === 'remove') out = await motion(command);
  else if (command === 'authorities') out = await authorities();
  else throw new Error(`unknown command ${command}: set-keys, add, remove or authorities`);
  console.log(JSON.stringify(out));
} finally {
  await api.disconnect();
}
