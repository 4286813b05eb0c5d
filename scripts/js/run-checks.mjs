// The polkadot.js checks against the node at the given WebSocket URL, one node:test test per
// flow (checks/<name>.mjs), sequentially on one connection; spec output, then "N passed, N failed".
// usage: node --test-reporter=spec run-checks.mjs ws://127.0.0.1:9944 [check...]
import { after, before, test } from 'node:test';

import { connect } from './lib.mjs';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
const all = ['chain', 'records', 'consent', 'drugs', 'emergency', 'governance',
  'security-records', 'security-consent', 'security-supply', 'security-council'];
const selected = process.argv.length > 3 ? process.argv.slice(3) : all;
const unknown = selected.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`unknown checks: ${unknown.join(', ')} (known: ${all.join(', ')})`);
  process.exit(2);
}

let ctx;
const counts = { passed: 0, failed: 0 };
before(async () => { ctx = await connect(url); });
after(async () => {
  await ctx?.api.disconnect();
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
});

for (const name of selected) {
  test(name, async () => {
    const { run } = await import(`./checks/${name}.mjs`);
    try {
      await run(ctx);
      counts.passed += 1;
    } catch (error) {
      counts.failed += 1;
      throw error;
    }
  });
}
