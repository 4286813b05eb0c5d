// Against a live dev node (RURALMED_WS=ws://…): village doctor Charlie makes a nurse his
// clinical staff for a while; she enrols a patient for him with her own account; money is out
// of her reach; Charlie removes her in one call and she can no longer act. Skipped without
// RURALMED_WS.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { mnemonicGenerate } from '@polkadot/util-crypto';

import { addStaffProxy, ChainError, employersOf, patientInfo, registerPatientFor, removeStaffProxy, staffOf, submit } from '../src/index.js';

const WS = process.env.RURALMED_WS;
const HEKOU_CLINIC = 1;
const UNIT = 1_000_000_000_000n;

describe('staff acting for a clinic (dev node)', { skip: WS === undefined ? 'RURALMED_WS is not set' : false }, () => {
  let api: ApiPromise;
  let alice: KeyringPair, charlie: KeyringPair, nurse: KeyringPair;
  let until: number;

  const tx = (pallet: string, call: string): ((...args: unknown[]) => Parameters<typeof submit>[1]) => {
    const fn = api.tx[pallet]?.[call];
    assert.ok(fn, `the runtime has ${pallet}.${call}`);
    return fn;
  };
  const freeBalance = async (who: string): Promise<bigint> => {
    const account = api.query.system?.account;
    assert.ok(account);
    const { data } = (await account(who)).toJSON() as { data: { free: number | string } };
    return BigInt(data.free);
  };
  const newAccount = (keyring: Keyring): KeyringPair => keyring.addFromUri(mnemonicGenerate(12));

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    alice = keyring.addFromUri('//Alice');
    charlie = keyring.addFromUri('//Charlie');
    nurse = newAccount(keyring);
    // The nurse pays the fees of what she signs.
    await submit(api, tx('balances', 'transferKeepAlive')(nurse.address, 10n * UNIT), alice);
    const header = await api.rpc.chain.getHeader();
    until = header.number.toNumber() + 1_000;
  });
  after(async () => {
    await api.disconnect();
  });

  it('Charlie makes the nurse his clinical staff until a block; both sides see it', async () => {
    await addStaffProxy(api, charlie, { staff: nurse.address, until });
    assert.deepEqual((await staffOf(api, charlie.address)).filter((p) => p.staff === nurse.address), [{ staff: nurse.address, employer: charlie.address, until }]);
    assert.deepEqual(await employersOf(api, nurse.address), [{ staff: nurse.address, employer: charlie.address, until }]);
  });

  it('the nurse enrols a patient for Charlie, who pays the deposit', async () => {
    const patient = newAccount(new Keyring({ type: 'sr25519' }));
    await registerPatientFor(api, nurse, { patient: patient.address, org: HEKOU_CLINIC }, { asProxyFor: charlie.address });
    assert.ok(await patientInfo(api, patient.address), 'the patient is registered');
    const raw = (await api.query.patientRecords?.patients?.(patient.address))?.toJSON() as { depositor?: string } | undefined;
    assert.equal(raw?.depositor, charlie.address);
  });

  it('money is out of the nurse\'s reach: refused, nothing moved', async () => {
    const before = await freeBalance(charlie.address);
    await assert.rejects(
      submit(api, tx('balances', 'transferKeepAlive')(nurse.address, UNIT), nurse, { asProxyFor: charlie.address }),
      (e: unknown) => e instanceof ChainError && e.code === 'System.CallFiltered',
    );
    assert.equal(await freeBalance(charlie.address), before);
  });

  it('Charlie removes the nurse in one call; she can no longer act', async () => {
    await removeStaffProxy(api, charlie, { staff: nurse.address, until });
    assert.deepEqual(await employersOf(api, nurse.address), []);
    const patient = newAccount(new Keyring({ type: 'sr25519' }));
    await assert.rejects(
      registerPatientFor(api, nurse, { patient: patient.address, org: HEKOU_CLINIC }, { asProxyFor: charlie.address }),
      (e: unknown) => e instanceof ChainError && e.code === 'Proxy.NotProxy',
    );
    assert.equal(await patientInfo(api, patient.address), null);
  });
});
