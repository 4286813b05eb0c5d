// SMART Health Links served by the records vault, end to end against a real dev node and a real
// vault (run by scripts/vault-checks.sh and, on Garage, scripts/vault-s3-checks.sh).
//
// usage: node shl.mjs WS_URL VAULT_URL [BLOB_STORE] [CORS_ORIGIN]
//
// BLOB_STORE is where the vault keeps its objects, named as blob-store.mjs reads it
// (`local:<dir>` or `s3:<endpoint>/<bucket>`); the checks look into it to see that a refused
// create left nothing, that a revocation deleted the files, and that neither the passcode nor
// the link's key is kept. Without it (or with `-`) those looks are skipped, and said so.
// CORS_ORIGIN is an origin the vault was started with (`--cors-origin`): a preflight of
// `/v1/shl` from it must be allowed, and one from another origin not.
//
// A fresh patient P registers, anchors four self-reported records and erases the fourth; a
// second patient O anchors one. Then, as the patient's browser would: each record's FHIR
// content is encrypted as a compact JWE (dir, A256GCM) under a fresh key that only the
// shlink:/ URI carries, and the vault gets the JWEs. Checked: creates refused for a stranger,
// O's record, the erased record, an unknown record and malformed input; the link created;
// its id not reusable; a viewer (any origin, CORS) refused without or with a wrong passcode
// (remainingAttempts going down) and served the exact files with the right one, which decrypt
// to the records; the uses in the patient's signed list; a guardian sharing, listing and
// revoking for the patient until the patient drops them; revocation (files gone, use log
// kept); an expired link; a link disabled by wrong passcodes; a record erased on chain killing
// the link that carries it; and the limit of 32 links in force. Every refusal changes nothing.
import { createCipheriv, createDecipheriv, createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import { stringToU8a } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { assert, connect, findEvent, sendAndFinalize } from '../lib.mjs';
import { openBlobStore } from './blob-store.mjs';
import { Vault, signedHeaders } from './vault-client.mjs';

const [wsUrl, vaultUrl, storeArg, corsOrigin] = process.argv.slice(2);
if (!vaultUrl) {
  console.error('usage: node shl.mjs WS_URL VAULT_URL [BLOB_STORE] [CORS_ORIGIN]');
  process.exit(2);
}
const store = storeArg && storeArg !== '-' ? openBlobStore(storeArg) : null;
const vault = new Vault(vaultUrl);
const COUNTY_HOSPITAL = 0;
const FHIR = 'application/fhir+json;fhirVersion=4.0.1';
const started = Date.now();
let passed = 0;

function expect(res, status, code, what) {
  const got = res.json?.error ? `${res.status} ${res.json.error}: ${res.json.message}` : `${res.status}`;
  assert(res.status === status, `${what}: expected ${status} ${code ?? ''}, got ${got}`);
  if (code) {
    assert(res.json?.error === code, `${what}: expected error ${code}, got ${got}`);
    assert(typeof res.json.message === 'string', `${what}: the refusal has no message`);
  }
  if (status >= 400) assert(res.json && !('files' in res.json), `${what}: files in a refusal`);
  passed += 1;
  console.log(`  ok ${what}: ${got}`);
}

const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const json = (value) => stringToU8a(JSON.stringify(value));

/// `plaintext` as a compact JWE, alg dir, enc A256GCM, under `key` (what the patient's browser
/// does; the vault only ever sees the result).
function encryptJwe(key, plaintext) {
  const header = b64u(JSON.stringify({ alg: 'dir', enc: 'A256GCM', cty: 'application/fhir+json' }));
  const iv = nodeRandomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(header, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${header}..${b64u(iv)}.${b64u(ciphertext)}.${b64u(cipher.getAuthTag())}`;
}

/// What an SHL viewer does with a file: decrypt it with the key from the link.
function decryptJwe(key, jwe) {
  const [header, encryptedKey, iv, ciphertext, tag] = jwe.split('.');
  assert(encryptedKey === '', 'a dir JWE has no encrypted key');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(header, 'ascii'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/// A FHIR bundle standing for a record's decrypted content.
const bundle = (record, patient) => JSON.stringify({
  resourceType: 'Bundle', type: 'collection',
  entry: [{ resource: { resourceType: 'Observation', id: `ruralmed-${record}`, status: 'final',
    subject: { identifier: { system: 'urn:ruralmed:account', value: patient } },
    code: { text: 'Blood pressure' }, valueString: `record ${record}: 128/82 mmHg` } }],
});

const newId = () => b64u(nodeRandomBytes(32));

/// A link as the patient's browser makes it: a fresh key (only in the shlink:/ URI), the
/// records' bundles encrypted under it, and the create request for the vault.
function makeLink(patient, records, { passcode = null, expiresMs = Date.now() + 3_600_000, label = 'For the county doctor' } = {}) {
  const key = nodeRandomBytes(32);
  const plaintexts = records.map((r) => bundle(r, patient.address));
  const files = plaintexts.map((p) => encryptJwe(key, p));
  const request = { id: newId(), patient: patient.address, label, expiresMs, passcode, records, files };
  return { key, plaintexts, files, request };
}

const create = (signer, request) => vault.signed(signer, 'POST', '/v1/shl', json(request),
  { 'content-type': 'application/json' });
/// A GET has no body: the signature covers the hash of an empty one.
const list = (signer, patient) => {
  const path = `/v1/shl?patient=${patient.address}`;
  return vault.raw('GET', path, null, signedHeaders(signer, 'GET', path, new Uint8Array()));
};
const revoke = (signer, id) => vault.signed(signer, 'DELETE', `/v1/shl/${id}`);
/// A viewer's manifest request, unsigned, from a web page on `origin`.
const manifest = (url, body, origin = 'https://viewer.example.org') => vault.raw('POST', new URL(url).pathname,
  json(body), { 'content-type': 'application/json', origin });

/// The shlink:/ URI the patient hands over: the manifest URL, the key, the flags.
function shlink(link, created) {
  const payload = { url: `${vaultUrl}${created.json.manifestPath}`, key: b64u(link.key),
    exp: Math.floor(link.request.expiresMs / 1000), flag: link.request.passcode ? 'P' : undefined,
    label: link.request.label, v: 1 };
  return `shlink:/${b64u(JSON.stringify(payload))}`;
}

/// What a viewer reads from a shlink:/ URI.
function openShlink(uri) {
  assert(uri.startsWith('shlink:/'), `not an SHL URI: ${uri}`);
  const payload = JSON.parse(Buffer.from(uri.slice('shlink:/'.length), 'base64url').toString('utf8'));
  return { ...payload, key: Buffer.from(payload.key, 'base64url') };
}

const keys = {
  meta: (id) => `shl/links/${id}/meta.json`,
  file: (id, n) => `shl/links/${id}/${n}.jwe`,
};

/// Nothing of link `id` is kept (a refused create).
async function nothingKept(id, what) {
  if (!store) return;
  for (const key of [keys.meta(id), keys.file(id, 0)]) {
    assert(!(await store.hasObject(key)), `${what}: ${key} is kept in ${store.describe()}`);
  }
}

const { api, keyring } = await connect(wsUrl);
try {
  if (!store) console.log('  (no BLOB_STORE given: the looks into the store are skipped)');
  const alice = keyring.addFromUri('//Alice');
  const tag = `${Date.now()}/${Math.random()}`;
  const [patient, other, stranger, guardian] = ['ShlPatient', 'ShlOther', 'ShlStranger', 'ShlGuardian']
    .map((name) => keyring.addFromUri(`//${name}/${tag}`));

  console.log('setting up on chain: two patients, their records, a guardian');
  await sendAndFinalize(api, api.tx.utility.batchAll([patient, other, stranger, guardian]
    .map((who) => api.tx.balances.transferKeepAlive(who.address, 10_000_000_000_000n))), alice);
  const selfReport = (who) => api.tx.patientRecords.anchorSelfReportedRecord(who.address, 'Observation',
    blake2AsHex(nodeRandomBytes(64), 256), COUNTY_HOSPITAL, 1024, null);
  const anchoredIds = (events) => events
    .filter(({ event }) => event.section === 'patientRecords' && event.method === 'RecordAnchored')
    .map(({ event }) => event.data.record.toNumber());
  const [mine, theirs] = await Promise.all([
    sendAndFinalize(api, api.tx.utility.batchAll([api.tx.patientRecords.registerPatient(),
      selfReport(patient), selfReport(patient), selfReport(patient), selfReport(patient),
      api.tx.patientRecords.setGuardian(guardian.address)]), patient),
    sendAndFinalize(api, api.tx.utility.batchAll([api.tx.patientRecords.registerPatient(), selfReport(other)]), other),
  ]);
  const [r1, r2, r3, r4] = anchoredIds(mine.events);
  const [rOther] = anchoredIds(theirs.events);
  assert(r4 !== undefined && rOther !== undefined, 'the records were not anchored');
  findEvent((await sendAndFinalize(api, api.tx.patientRecords.eraseRecord(r4), patient)).events,
    'patientRecords', 'RecordErased');
  console.log(`  patient's records ${r1}, ${r2}, ${r3}, ${r4} (erased), another patient's ${rOther}; `
    + 'guardian set (all finalized)');

  if (corsOrigin) {
    const ask = (origin) => vault.raw('OPTIONS', '/v1/shl', null, { origin, 'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-ruralmed-account,x-ruralmed-timestamp,x-ruralmed-signature' });
    const allowed = await ask(corsOrigin);
    assert(allowed.headers.get('access-control-allow-origin') === corsOrigin
      && /x-ruralmed-signature/i.test(allowed.headers.get('access-control-allow-headers') ?? ''),
    `a preflight from ${corsOrigin}: ${allowed.status} ${JSON.stringify([...allowed.headers])}`);
    passed += 1;
    console.log(`  ok a CORS preflight of /v1/shl from ${corsOrigin} (--cors-origin): allowed`);
    const refused = await ask('https://elsewhere.example');
    assert(refused.headers.get('access-control-allow-origin') === null,
      `a preflight from another origin: ${JSON.stringify([...refused.headers])}`);
    passed += 1;
    console.log('  ok a CORS preflight of /v1/shl from another origin: no CORS headers');
  }

  console.log('creating a link: refusals first');
  // A space and letters outside hex: the passcode cannot turn up by chance in the kept hex
  // salt and hash, the ids (base64url) or the times (digits), as '2468' once did.
  const PASSCODE = 'plum 2468';
  const link = makeLink(patient, [r1, r2], { passcode: PASSCODE });
  const body = link.request;
  expect(await vault.raw('POST', '/v1/shl', json(body), { 'content-type': 'application/json' }), 401,
    'unauthenticated', 'an unsigned create');
  expect(await create(patient, { ...body, files: ['a.b.c'] }), 400, 'bad_request', 'a file that is no JWE');
  const rsa = `${b64u(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }))}.${link.files[0].split('.').slice(1).join('.')}`;
  expect(await create(patient, { ...body, files: [rsa] }), 400, 'bad_request', 'a JWE that is not alg dir');
  expect(await create(patient, { ...body, expiresMs: Date.now() + 367 * 86_400_000 }), 400, 'bad_request',
    'an expiry more than 366 days ahead');
  expect(await create(patient, { ...body, passcode: '12' }), 400, 'bad_request', 'a two-character passcode');
  expect(await create(patient, { ...body, records: [r1, r1] }), 400, 'bad_request', 'a record listed twice');
  expect(await create(patient, { ...body, key: b64u(link.key) }), 400, 'bad_request',
    'a request carrying the key (unknown field)');
  expect(await create(stranger, body), 403, 'not_patient_or_guardian', 'a stranger shares the patient\'s records');
  expect(await create(patient, { ...body, records: [r1, rOther] }), 403, 'shl_foreign_record',
    'the patient shares another patient\'s record');
  expect(await create(patient, { ...body, records: [r1, r4] }), 410, 'shl_record_erased',
    'the patient shares an erased record');
  expect(await create(patient, { ...body, records: [r1, 4_000_000_000] }), 404, 'unknown_record',
    'the patient shares a record that does not exist');
  await nothingKept(body.id, 'the refused creates');

  const created = await create(patient, body);
  expect(created, 201, null, 'the patient creates a link with a passcode for records ' + `${r1}, ${r2}`);
  assert(created.json.id === body.id && created.json.manifestPath === `/shl/${body.id}`,
    `create answer ${JSON.stringify(created.json)}`);
  if (store) {
    for (const key of [keys.meta(body.id), keys.file(body.id, 0), keys.file(body.id, 1)]) {
      assert(await store.hasObject(key), `${key} is not in ${store.describe()}`);
    }
    const meta = new TextDecoder().decode(await store.getObject(keys.meta(body.id)));
    assert(!meta.includes(PASSCODE), 'the passcode is kept in the clear');
    const keptHash = JSON.parse(meta).passcode;
    assert(/^[0-9a-f]{32}$/.test(keptHash?.salt ?? '') && keptHash.sha256 ===
      createHash('sha256').update(Buffer.from(keptHash.salt, 'hex')).update(PASSCODE).digest('hex'),
      `the passcode is not kept as SHA-256(salt ‖ passcode): ${JSON.stringify(keptHash)}`);
    const kept = meta + new TextDecoder().decode(await store.getObject(keys.file(body.id, 0)));
    assert(!kept.includes(b64u(link.key)), 'the key is kept in the store');
    console.log(`  kept in ${store.describe()}: metadata (passcode salted and hashed, no key) and 2 files`);
  }
  expect(await create(patient, body), 409, 'shl_exists', 'the same id again');

  console.log('a viewer opens the link');
  const uri = shlink(link, created);
  console.log(`  ${uri.slice(0, 60)}… (${uri.length} characters)`);
  const payload = openShlink(uri);
  assert(payload.flag === 'P' && payload.url.endsWith(`/shl/${body.id}`), `the link payload ${JSON.stringify(payload)}`);
  const preflight = await vault.raw('OPTIONS', `/shl/${body.id}`, null, { origin: 'https://viewer.example.org',
    'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
  assert(preflight.status < 300 && preflight.headers.get('access-control-allow-origin') === '*',
    `preflight: ${preflight.status} ${preflight.headers.get('access-control-allow-origin')}`);
  passed += 1;
  console.log('  ok a CORS preflight from a viewer\'s origin: allowed (*)');
  const noPasscode = await manifest(payload.url, { recipient: 'Dr. Wang, Kunming' });
  expect(noPasscode, 401, 'shl_passcode', 'without the passcode');
  assert(noPasscode.json.remainingAttempts === 10, `attempts ${noPasscode.json.remainingAttempts}`);
  assert(noPasscode.headers.get('access-control-allow-origin') === '*', 'a refusal without CORS headers');
  for (const left of [9, 8]) {
    const wrong = await manifest(payload.url, { recipient: 'Dr. Wang, Kunming', passcode: '1111' });
    expect(wrong, 401, 'shl_passcode', `a wrong passcode (${left} attempts left)`);
    assert(wrong.json.remainingAttempts === left, `attempts ${wrong.json.remainingAttempts}, not ${left}`);
  }
  expect(await manifest(payload.url, { passcode: PASSCODE }), 400, 'bad_request', 'no recipient');
  const opened = await manifest(payload.url, { recipient: 'Dr. Wang, Kunming', passcode: PASSCODE, embeddedLengthMax: 100000 });
  expect(opened, 200, null, 'the right passcode');
  assert(opened.headers.get('access-control-allow-origin') === '*', 'the manifest without CORS headers');
  assert(opened.json.files.length === 2, `${opened.json.files.length} files`);
  opened.json.files.forEach((file, i) => {
    assert(file.contentType === FHIR, `file ${i} content type ${file.contentType}`);
    assert(file.embedded === link.files[i], `file ${i} is not the JWE uploaded`);
    assert(decryptJwe(payload.key, file.embedded) === link.plaintexts[i], `file ${i} decrypts to something else`);
  });
  console.log('  the two files are the JWEs uploaded, byte for byte, and decrypt with the key from the link');
  expect(await manifest(payload.url, { recipient: 'Dr. Li, Hekou clinic', passcode: PASSCODE }), 200, null,
    'a second viewer');

  console.log('the patient sees who used it');
  const listed = await list(patient, patient);
  expect(listed, 200, null, 'the patient lists the links');
  const entry = listed.json.links.find((l) => l.id === body.id);
  assert(entry, `the link is not listed: ${JSON.stringify(listed.json)}`);
  assert(entry.useCount === 2 && entry.uses.map((u) => u.recipient).join('|') === 'Dr. Li, Hekou clinic|Dr. Wang, Kunming',
    `uses ${JSON.stringify(entry.uses)}`);
  assert(entry.uses.every((u) => Math.abs(u.atMs - Date.now()) < 120_000), 'use times');
  assert(entry.passcode === true && entry.revoked === false && entry.remainingAttempts === 8
    && entry.label === body.label && entry.expiresMs === body.expiresMs
    && JSON.stringify(entry.records) === JSON.stringify([r1, r2]), `entry ${JSON.stringify(entry)}`);
  const listedText = JSON.stringify(listed.json);
  assert(!listedText.includes(link.files[0].split('.')[3]) && !listedText.includes('sha256') && !listedText.includes('salt'),
    'the list shows files or the passcode hash');
  expect(await list(stranger, patient), 403, 'not_patient_or_guardian', 'a stranger lists the patient\'s links');

  console.log('the guardian');
  const byGuardian = makeLink(patient, [r3], { label: 'For the pharmacy' });
  const guardianCreated = await create(guardian, byGuardian.request);
  expect(guardianCreated, 201, null, 'the guardian creates a link for the patient (no passcode)');
  const guardianList = await list(guardian, patient);
  expect(guardianList, 200, null, 'the guardian lists the patient\'s links');
  assert(guardianList.json.links[0].id === byGuardian.request.id && guardianList.json.links[1].id === body.id,
    'not newest first');
  assert(guardianList.json.links[0].remainingAttempts === 10 && guardianList.json.links[0].passcode === false,
    `a link without passcode: ${JSON.stringify(guardianList.json.links[0])}`);
  const guardianUrl = `${vaultUrl}${guardianCreated.json.manifestPath}`;
  const guardianOpened = await manifest(guardianUrl, { recipient: 'County pharmacy' });
  expect(guardianOpened, 200, null, 'a viewer opens it without a passcode');
  assert(decryptJwe(byGuardian.key, guardianOpened.json.files[0].embedded) === byGuardian.plaintexts[0], 'decrypts');
  expect(await revoke(stranger, byGuardian.request.id), 403, 'not_patient_or_guardian', 'a stranger revokes it');
  if (store) assert(await store.hasObject(keys.file(byGuardian.request.id, 0)), 'a refused revocation deleted the file');
  const revokedByGuardian = await revoke(guardian, byGuardian.request.id);
  expect(revokedByGuardian, 200, null, 'the guardian revokes it');
  assert(revokedByGuardian.json.revoked === true && revokedByGuardian.json.already === false,
    `revoke answer ${JSON.stringify(revokedByGuardian.json)}`);
  if (store) {
    assert(!(await store.hasObject(keys.file(byGuardian.request.id, 0))), 'the revoked link\'s file is kept');
    assert(await store.hasObject(keys.meta(byGuardian.request.id)), 'the revoked link\'s metadata is gone');
  }
  expect(await manifest(guardianUrl, { recipient: 'County pharmacy' }), 404, 'shl_revoked', 'the revoked link');
  const again = await revoke(guardian, byGuardian.request.id);
  expect(again, 200, null, 'revoking it again');
  assert(again.json.already === true, `a second revocation ${JSON.stringify(again.json)}`);
  expect(await revoke(patient, newId()), 404, 'shl_not_found', 'revoking an unknown link');
  expect(await manifest(`${vaultUrl}/shl/${newId()}`, { recipient: 'x' }), 404, 'shl_not_found', 'an unknown link');

  // A link expiring in a few seconds; looked at again after the next finalized extrinsic.
  const short = makeLink(patient, [r1], { expiresMs: Date.now() + 5_000 });
  const shortCreated = await create(patient, short.request);
  expect(shortCreated, 201, null, 'a link expiring in 5 s');
  const shortUrl = `${vaultUrl}${shortCreated.json.manifestPath}`;
  expect(await manifest(shortUrl, { recipient: 'Dr. Wang' }), 200, null, 'it opens before its expiry');

  await sendAndFinalize(api, api.tx.patientRecords.setGuardian(null), patient);
  console.log('  the patient dropped the guardian (finalized)');
  expect(await list(guardian, patient), 403, 'not_patient_or_guardian', 'the former guardian lists the links');
  expect(await create(guardian, makeLink(patient, [r1]).request), 403, 'not_patient_or_guardian',
    'the former guardian creates a link');

  const waitMs = short.request.expiresMs - Date.now() + 500;
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  expect(await manifest(shortUrl, { recipient: 'Dr. Wang' }), 404, 'shl_expired', 'the link after its expiry');

  console.log('revocation by the patient');
  const revoked = await revoke(patient, body.id);
  expect(revoked, 200, null, 'the patient revokes the first link');
  expect(await manifest(payload.url, { recipient: 'Dr. Wang, Kunming', passcode: PASSCODE }), 404, 'shl_revoked',
    'the revoked link with the right passcode');
  const afterRevoke = (await list(patient, patient)).json.links.find((l) => l.id === body.id);
  assert(afterRevoke.revoked === true && afterRevoke.useCount === 2 && afterRevoke.uses.length === 2,
    `the use log after the revocation ${JSON.stringify(afterRevoke)}`);
  passed += 1;
  console.log('  ok the revoked link is listed, its use log kept');

  console.log('too many wrong passcodes');
  const guessed = makeLink(patient, [r1], { passcode: 'correct horse' });
  expect(await create(patient, guessed.request), 201, null, 'a link with a passcode');
  const guessedUrl = `${vaultUrl}/shl/${guessed.request.id}`;
  for (let left = 9; left >= 0; left -= 1) {
    const res = await manifest(guessedUrl, { recipient: 'a guesser', passcode: `guess ${left}` });
    assert(res.status === 401 && res.json.remainingAttempts === left, `guess: ${res.status} ${JSON.stringify(res.json)}`);
  }
  passed += 1;
  console.log('  ok ten wrong passcodes: remainingAttempts 9 … 0');
  expect(await manifest(guessedUrl, { recipient: 'Dr. Wang', passcode: 'correct horse' }), 404, 'shl_locked',
    'the right passcode after ten wrong ones');

  console.log('a record erased on chain kills the links carrying it');
  const carrying = makeLink(patient, [r2, r3]);
  const carryingCreated = await create(patient, carrying.request);
  expect(carryingCreated, 201, null, `a link carrying records ${r2} and ${r3}`);
  const carryingUrl = `${vaultUrl}${carryingCreated.json.manifestPath}`;
  expect(await manifest(carryingUrl, { recipient: 'Dr. Wang' }), 200, null, 'it opens');
  await sendAndFinalize(api, api.tx.patientRecords.eraseRecord(r3), patient);
  console.log(`  the patient erased record ${r3} on chain (finalized)`);
  const killed = await manifest(carryingUrl, { recipient: 'Dr. Wang' });
  expect(killed, 410, 'shl_record_erased', 'the link after the erasure');
  assert(killed.json.message.includes(`${r3}`), `the refusal names the record: ${killed.json.message}`);
  const carryingEntry = (await list(patient, patient)).json.links.find((l) => l.id === carrying.request.id);
  assert(carryingEntry.useCount === 1, `a refused use was logged: ${JSON.stringify(carryingEntry)}`);

  console.log(`at most 32 links in force per patient`);
  const inForce = (links) => links.filter((l) => !l.revoked && l.expiresMs > Date.now()
    && l.remainingAttempts !== 0).length;
  let links = (await list(patient, patient)).json.links;
  const before = inForce(links);
  let made = 0;
  for (let n = before; n < 32; n += 1) {
    const res = await create(patient, makeLink(patient, [r1], { label: `link ${n + 1}` }).request);
    assert(res.status === 201, `link ${n + 1}: ${res.status} ${JSON.stringify(res.json)}`);
    made += 1;
  }
  console.log(`  ${before} links were in force; ${made} more created`);
  const over = makeLink(patient, [r1], { label: 'one too many' });
  expect(await create(patient, over.request), 409, 'shl_limit', 'a 33rd link in force');
  await nothingKept(over.request.id, 'the refused 33rd link');
  links = (await list(patient, patient)).json.links;
  assert(inForce(links) === 32, `${inForce(links)} links in force`);
  expect(await revoke(patient, links.find((l) => !l.revoked && l.label.startsWith('link ')).id), 200, null,
    'revoking one');
  expect(await create(patient, over.request), 201, null, 'the 33rd link after a revocation');

  console.log(`SMART Health Links end-to-end: ${passed} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await api.disconnect();
}
