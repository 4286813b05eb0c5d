// The chain itself: runtime version, metadata, and a balance transfer that finalizes.
import { assert, sendAndFinalize, findEvent } from '../lib.mjs';

export async function run({ api, keyring }) {
  const version = api.runtimeVersion;
  assert(version.specName.toString() === 'ruralmed', `spec name is ${version.specName}`);
  const metadata = await api.rpc.state.getMetadata();
  const pallets = metadata.asLatest.pallets.map((p) => p.name.toString());
  for (const name of ['System', 'Balances', 'Aura', 'Grandpa', 'TransactionPayment', 'Registry', 'PatientRecords']) {
    assert(pallets.includes(name), `metadata lacks pallet ${name}`);
  }
  console.log(`  runtime ${version.specName} v${version.specVersion}, metadata v${metadata.version}, ${pallets.length} pallets`);

  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const amount = 1_234_567_890_000n;
  const before = (await api.query.system.account(bob.address)).data.free.toBigInt();
  const { events } = await sendAndFinalize(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice);
  findEvent(events, 'balances', 'Transfer');
  const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
  assert(after - before === amount, `Bob's balance moved by ${after - before}, expected ${amount}`);
  console.log(`  transfer of ${amount} from Alice to Bob finalized`);
}
