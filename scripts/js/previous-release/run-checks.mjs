// Runs every polkadot.js check against the node at the given WebSocket URL.
// usage: node run-checks.mjs ws://127.0.0.1:9944 [check...]
import { connect } from '../lib.mjs';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
const all = ['records', 'consent', 'drugs', 'emergency'];
const selected = process.argv.length > 3 ? process.argv.slice(3) : all;

const ctx = await connect(url);
let failed = 0;
for (const name of selected) {
  const started = Date.now();
  try {
    const { run } = await import(`./checks/${name}.mjs`);
    await run(ctx);
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed += 1;
    console.error(`FAIL ${name}: ${e.stack ?? e}`);
  }
}
await ctx.api.disconnect();
console.log(`${selected.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
