// Against a live dev node (RURALMED_WS=ws://…): a patient who holds no tokens at all. Before a
// clinic enrols them the node refuses their transactions (nothing to pay with); once village
// doctor Charlie enrols them they publish their key, and a batch of their own calls goes
// through, all free; at the daily limit the node refuses the next one before it runs.
// Skipped without RURALMED_WS.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { mnemonicGenerate } from '@polkadot/util-crypto';

import {
  ChainError, EncryptionKeyring, freeCallAllowance, getEncryptionKey, patientInfo, poolRefusal, publishEncryptionKey,
  registerPatientFor, submit,
} from '../src/index.js';

const WS = process.env.RURALMED_WS;
const HEKOU_CLINIC = 1;

describe('free calls for patients (dev node)', { skip: WS === undefined ? 'RURALMED_WS is not set' : false }, () => {
  let api: ApiPromise;
  let charlie: KeyringPair, patient: KeyringPair;
  let patientKeys: EncryptionKeyring;

  const tx = (pallet: string, call: string): ((...args: unknown[]) => SubmittableExtrinsic<'promise'>) => {
    const fn = api.tx[pallet]?.[call];
    assert.ok(fn, `the runtime has ${pallet}.${call}`);
    return fn;
  };
  const balance = async (who: string): Promise<bigint> => {
    const account = api.query.system?.account;
    assert.ok(account);
    const { data } = (await account(who)).toJSON() as { data: { free: number | string; reserved: number | string } };
    return BigInt(data.free) + BigInt(data.reserved);
  };
  const keyCall = (byte: number): SubmittableExtrinsic<'promise'> =>
    tx('registry', 'publishEncryptionKey')(`0x${byte.toString(16).padStart(2, '0').repeat(32)}`);
  const batchOf = (count: number): SubmittableExtrinsic<'promise'> =>
    tx('utility', 'batchAll')(Array.from({ length: count }, (_, i) => keyCall((i % 250) + 1)));

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    charlie = keyring.addFromUri('//Charlie');
    const mnemonic = mnemonicGenerate(12);
    patient = keyring.addFromUri(mnemonic);
    patientKeys = await EncryptionKeyring.fromSuri(mnemonic);
  });
  after(async () => {
    await api.disconnect();
  });

  it('an account with no tokens that is not a patient is refused by the node, nothing sent', async () => {
    assert.equal(await balance(patient.address), 0n);
    await assert.rejects(publishEncryptionKey(api, patient, patientKeys), (e: unknown) => e instanceof ChainError && e.code === 'CannotPayFees');
    assert.equal(await getEncryptionKey(api, patient.address), null);
  });

  it('the village doctor enrols the patient; the patient publishes a key and pays nothing', async () => {
    await registerPatientFor(api, charlie, { patient: patient.address, org: HEKOU_CLINIC });
    const info = await patientInfo(api, patient.address);
    assert.ok(info, 'the patient is registered');
    assert.equal(info.guardian, undefined);
    const { published } = await publishEncryptionKey(api, patient, patientKeys);
    assert.equal(published, true);
    assert.equal(await balance(patient.address), 0n);
    const allowance = await freeCallAllowance(api, patient.address);
    assert.ok(allowance);
    assert.equal(allowance.used, 1);
    assert.equal(allowance.limit, 100);
    assert.ok(allowance.renewsAt !== null && allowance.renewsAt > 0);
  });

  it('a batch worth more than is left is refused whole; what fits goes through; then the node refuses the next', async () => {
    const left = 100 - 1;
    const over = batchOf(left + 1);
    await assert.rejects(submit(api, over, patient), (e: unknown) => e instanceof ChainError && e.code === 'FreeCallsExhausted');
    assert.equal((await freeCallAllowance(api, patient.address))?.used, 1, 'a refused batch counted');
    const fits = batchOf(left);
    await submit(api, fits, patient);
    assert.equal((await freeCallAllowance(api, patient.address))?.used, 100);
    const nonce = (await api.rpc.system.accountNextIndex(patient.address)).toNumber();
    await assert.rejects(submit(api, keyCall(200), patient), (e: unknown) => e instanceof ChainError && e.code === 'FreeCallsExhausted');
    assert.equal((await api.rpc.system.accountNextIndex(patient.address)).toNumber(), nonce, 'the refused call took a nonce');
    assert.equal(await balance(patient.address), 0n);
  });

  it('pool refusals are typed', () => {
    assert.equal(poolRefusal(new Error('1010: Invalid Transaction: Custom error: 1')).code, 'FreeCallsExhausted');
    assert.equal(poolRefusal(new Error('1010: Invalid Transaction: Custom error: 12')).code, 'TransactionFailed');
    assert.equal(poolRefusal(new Error('1010: Invalid Transaction: Inability to pay some fees , e.g. account balance too low')).code, 'CannotPayFees');
    // A transaction of this nonce already waits in the pool, or is in a block: the nonce is used.
    assert.equal(poolRefusal('1014: Priority is too low: (12 vs 12)').code, 'NonceUsed');
    assert.equal(poolRefusal(new Error('1010: Invalid Transaction: Transaction is outdated')).code, 'NonceUsed');
    // Signed for another runtime (an upgrade since an offline item was signed) or chain.
    assert.equal(poolRefusal(new Error('1010: Invalid Transaction: Transaction has a bad signature')).code, 'BadSignature');
    assert.equal(poolRefusal('1012: Transaction is temporarily banned').code, 'TransactionFailed');
  });
});
