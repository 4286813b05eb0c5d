// Writes the whole state of a chain at its finalized head to a JSON file, as the runtime's
// try-runtime test reads it (runtime/src/tests.rs, `try_runtime_upgrade`):
// { "block", "number", "specVersion", "top": [[key, value], …] }, keys and values in hex.
// usage: node state-snapshot.mjs ws://127.0.0.1:9944 OUT.json
import { writeFileSync } from 'node:fs';

import { assert, connect, rawRpc } from './lib.mjs';

const [url, out] = process.argv.slice(2);
if (url === undefined || out === undefined) {
  console.error('usage: node state-snapshot.mjs WS_URL OUT.json');
  process.exit(2);
}
const PAGE = 1000;

const { api } = await connect(url);
try {
  const at = await rawRpc(api, 'chain_getFinalizedHead', []);
  const header = await rawRpc(api, 'chain_getHeader', [at]);
  const version = await rawRpc(api, 'state_getRuntimeVersion', [at]);
  const top = [];
  let startKey = null;
  for (;;) {
    const keys = await rawRpc(api, 'state_getKeysPaged', ['0x', PAGE, startKey, at]);
    if (keys.length === 0) break;
    const [changes] = await rawRpc(api, 'state_queryStorageAt', [keys, at]);
    const values = new Map(changes.changes);
    for (const key of keys) {
      const value = values.get(key);
      assert(typeof value === 'string', `no value for ${key} at ${at}`);
      top.push([key, value]);
    }
    if (keys.length < PAGE) break;
    startKey = keys[keys.length - 1];
  }
  assert(top.some(([key]) => key === '0x3a636f6465'), 'the snapshot has no :code');
  const number = Number.parseInt(header.number, 16);
  writeFileSync(out, JSON.stringify({ block: at, number, specVersion: version.specVersion, top }));
  console.log(`  state at #${number} (${at}, spec ${version.specVersion}): ${top.length} keys`);
} finally {
  await api.disconnect();
}
