// Browser checks of the RuralMed web app against a real dev node and vault (started by
// scripts/app-checks.sh): playwright-core driving Debian's chromium, each person in their own
// browser context at phone size (360x740). Screenshots of each main screen at 360 and 1280 px
// go to the artifacts directory.
//
//   node tests/browser.mjs APP_URL ARTIFACTS_DIR
//   SKIP_V3=1 …   skips the checks that need PatientRecordsApi v3 (disputes, access trail)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { VaultClient, keypairSigner, writeRecord } from '@ruralmed/client';
import { stringToHex, u8aConcat, u8aToHex, u8aWrapBytes, stringToU8a } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady, encodeAddress, mnemonicGenerate, mnemonicToEntropy } from '@polkadot/util-crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import bwipjs from 'bwip-js';
import { chromium } from 'playwright-core';
import QRCode from 'qrcode';

import { PLEDGED, SHORT_BY, seedDemoEmergency } from '../../../scripts/js/demo-emergency.mjs';
import { AMOXICILLIN, AMOXICILLIN_LOT, stockHekouClinic } from '../../../scripts/js/demo-stock.mjs';

const [appUrl, artifacts = 'test-artifacts'] = process.argv.slice(2);
if (appUrl === undefined) throw new Error('usage: node tests/browser.mjs APP_URL [ARTIFACTS_DIR]');
const skipV3 = process.env.SKIP_V3 === '1';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
// A read waits for the reader's access log to be finalized; a write for its anchor. Every wait
// for the chain, or for a screen that reads the chain again, gets this long: CI runs the browser
// beside six other stages and seven nodes on two cores, where a screen's re-read of the chain
// once took over 30 s.
const CHAIN_WAIT = 120_000;
mkdirSync(artifacts, { recursive: true });

const results = { passed: 0, failed: 0, skipped: 0 };
const shots = [];

// RURALMED_BROWSER_ONLY=regex runs only the steps whose names match (a quicker loop while
// working on one screen); the full suite, as scripts/test.sh runs it, never sets it.
const only = process.env.RURALMED_BROWSER_ONLY === undefined ? null : new RegExp(process.env.RURALMED_BROWSER_ONLY);
// RURALMED_BROWSER_PART=1 or 2 runs one of two halves, each against its own node, vault and
// app (scripts/test.sh runs them side by side: one run was its longest stage). A step is in
// part 1 unless it says otherwise; the steps that sign Eve and Charlie in are in both. Part 2
// holds steps that need nothing the others leave on chain. Unset: every step.
const part = process.env.RURALMED_BROWSER_PART === undefined ? null : Number(process.env.RURALMED_BROWSER_PART);
if (part !== null && part !== 1 && part !== 2) throw new Error(`RURALMED_BROWSER_PART is 1 or 2, not ${process.env.RURALMED_BROWSER_PART}`);

async function step(name, fn, { v3 = false, inPart = 1 } = {}) {
  const skipped = v3 && skipV3 ? 'SKIP_V3'
    : only !== null && !only.test(name) ? 'RURALMED_BROWSER_ONLY'
      : part !== null && inPart !== 'both' && inPart !== part ? `RURALMED_BROWSER_PART=${part}` : null;
  if (skipped !== null) {
    results.skipped += 1;
    console.log(`- skipped (${skipped}): ${name}`);
    return;
  }
  const started = Date.now();
  try {
    await fn();
    results.passed += 1;
    console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.failed += 1;
    console.log(`✘ ${name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    // What each open page showed, for the log and as a screenshot.
    for (const [i, page] of openPages.entries()) {
      if (page.isClosed()) continue;
      // Its route and its notes first (the header and menu would fill the first words of the body),
      // and what its inputs hold (a typed value lost is a cause seen before).
      const shown = await page.evaluate(() => [
        window.location.hash,
        ...[...document.querySelectorAll('main .note, .toast .note, .banner')].map((n) => `[${n.textContent}]`),
        ...[...document.querySelectorAll('main input[name]')].filter((i) => i.value !== '' && i.type !== 'password').map((i) => `${i.name}=${i.value}`),
        document.querySelector('main')?.textContent ?? '',
      ].join(' ')).catch(() => '(closed)');
      console.log(`  page ${i}: ${shown.replace(/\s+/g, ' ').slice(0, 600)}`);
      await page.screenshot({ path: join(artifacts, `failure-page${i}.png`), fullPage: true }).catch(() => undefined);
    }
    throw error;
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Full-page screenshots at phone and desktop width, after checking the screen's basics of
 * accessibility: every field has a label, every button and link a name, every control a touch
 * target at least 44 px high at phone width, and nothing wider than the phone.
 */
async function screenshot(page, name) {
  const problems = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (el.labels.length === 0 && !el.getAttribute('aria-label')) out.push(`unlabelled ${el.tagName} ${el.name}`);
    }
    for (const el of document.querySelectorAll('button, a[href]')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue; // not shown (e.g. the skip link off screen)
      if ((el.textContent ?? '').trim() === '' && !el.getAttribute('aria-label')) out.push(`nameless ${el.tagName}`);
      if (box.height < 44) out.push(`small target (${Math.round(box.height)} px): ${(el.textContent ?? '').trim()}`);
    }
    // Nothing wider than the phone: a control pushed off the right edge is out of a thumb's reach.
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      const wide = [...document.querySelectorAll('main *, header *, nav *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
      out.push(`wider than the phone (${document.documentElement.scrollWidth} px): ${wide.slice(0, 3).map((el) => `${el.tagName} ${(el.textContent ?? '').trim().slice(0, 40)}`).join(', ')}`);
    }
    return out;
  });
  check(problems.length === 0, `${name}: ${problems.join('; ')}`);
  for (const [label, size] of [['360', PHONE], ['1280', DESKTOP]]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    const file = `${name}-${label}.png`;
    await page.screenshot({ path: join(artifacts, file), fullPage: true });
    shots.push(file);
  }
  await page.setViewportSize(PHONE);
}

/** A demo account's address (`//Eve`, `//Charlie`, …). */
async function demoAddress(name) {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(`//${name}`).address;
}

/** Eve's address (the demo patient). */
const eveAddress = () => demoAddress('Eve');

/** Sends `tx` signed by `pair` and waits for it to be finalized (its events); throws the dispatch error. */
function sendFinalized(chain, tx, pair) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(pair, { nonce: -1 }, ({ status, dispatchError, events }) => {
      if (dispatchError !== undefined) reject(new Error(dispatchError.isModule ? JSON.stringify(chain.registry.findMetaError(dispatchError.asModule)) : dispatchError.toString()));
      else if (status.isFinalized) resolve(events);
    }).catch(reject);
  });
}

/** Sends `tx` signed by `pair` and waits for its block (not finality); throws the dispatch error. */
function sendInBlock(chain, tx, pair) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(pair, { nonce: -1 }, ({ status, dispatchError, events }) => {
      if (dispatchError !== undefined) reject(new Error(dispatchError.isModule ? JSON.stringify(chain.registry.findMetaError(dispatchError.asModule)) : dispatchError.toString()));
      else if (status.isInBlock) resolve({ events });
    }).catch(reject);
  });
}

/** On "Check a medicine": checks `code` and waits for `selector` (a verdict or a problem); the result's text. */
/** Submits `form` (a selector) and waits for its refusal in words; `unchanged` must then still hold. */
async function refusedIn(page, form, words, unchanged) {
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector(`${form} >> xpath=.. >> .note.error >> text=${words}`, { timeout: CHAIN_WAIT });
  check(await unchanged(), `a refused form ("${words}") changed the chain`);
}

async function checkPackCode(page, code, selector) {
  await page.fill('input[name=pack-code]', code);
  await page.click('form button[type=submit]');
  await page.waitForSelector(selector, { timeout: CHAIN_WAIT });
  return page.textContent('.check-result');
}

/** The image at `selector` is the QR code of `text`: each module, sampled at its centre, matches. */
async function qrMatches(page, selector, text) {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const drawn = await page.$eval(selector, (img, size) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const scale = img.naturalWidth / (size + 2); // margin of one module on each side
    const dark = [];
    for (let r = 0; r < size; r += 1) {
      for (let c = 0; c < size; c += 1) {
        const [red] = g.getImageData(Math.floor((c + 1.5) * scale), Math.floor((r + 1.5) * scale), 1, 1).data;
        dark.push(red < 128 ? 1 : 0);
      }
    }
    return dark;
  }, modules.size);
  const wanted = Array.from(modules.data, (bit) => (bit ? 1 : 0));
  check(drawn.length === wanted.length && drawn.every((bit, i) => bit === wanted[i]), `the QR image at ${selector} does not encode ${text.slice(0, 60)}…`);
}

// The phone's camera, for "Check a medicine": Chromium's fake capture device plays a video of the
// demo measles-rubella vaccine pack's GS1 DataMatrix (its genesis lot; the printed expiry is the
// last day of use, the day before the lot's expiry day on chain).
const MR_VACCINE = '06901234567106';
const MR_LOT = 'MR-2026-001';
const MR_EXPIRES_ON = 21_062;
const yymmdd = (day) => new Date(day * 86_400_000).toISOString().slice(2, 10).replaceAll('-', '');
const MR_PACK_CODE = `(01)${MR_VACCINE}(17)${yymmdd(MR_EXPIRES_ON - 1)}(10)${MR_LOT}`;

/** A Y4M video (I420, 640x480, two identical frames) of `text` as a GS1 DataMatrix, black on white. */
function packVideo(path, text) {
  const [{ pixs, pixx, pixy }] = bwipjs.raw({ bcid: 'gs1datamatrix', text });
  const width = 640, height = 480, scale = 12;
  const luma = Buffer.alloc(width * height, 235);
  const left = (width - pixx * scale) >> 1, top = (height - pixy * scale) >> 1;
  for (let r = 0; r < pixy; r += 1) {
    for (let c = 0; c < pixx; c += 1) {
      if (!pixs[r * pixx + c]) continue;
      for (let dy = 0; dy < scale; dy += 1) luma.fill(16, (top + r * scale + dy) * width + left + c * scale, (top + r * scale + dy) * width + left + (c + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width * height) / 4, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}
const cameraVideo = join(artifacts, 'camera-mr-vaccine.y4m');
packVideo(cameraVideo, MR_PACK_CODE);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${cameraVideo}`],
});
const pageErrors = [];
const openPages = [];

async function person(locale = 'en-US', query = '') {
  const context = await browser.newContext({ viewport: PHONE, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // Clicks and waits without a timeout of their own: twice Playwright's 30 s, for a loaded CI.
  page.setDefaultTimeout(60_000);
  openPages.push(page);
  page.on('pageerror', (e) => { console.log(`  uncaught in page ${openPages.length - 1}: ${e.stack ?? e.message}`); pageErrors.push(e.message); });
  page.on('dialog', (d) => { void d.accept(); });
  await page.goto(`${appUrl}/${query}`);
  await page.waitForSelector('#signin-title');
  return page;
}

async function setLanguage(page, lng) {
  await page.click(`.lang-btn[lang="${lng}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lng);
}

async function signInDemo(page, name) {
  await page.waitForSelector(`[data-demo="${name}"]`, { timeout: CHAIN_WAIT });
  await page.click(`[data-demo="${name}"]`);
  await page.waitForSelector('nav.menu a.tab', { timeout: CHAIN_WAIT });
}

/** A new account kept on the phone (backup words confirmed, PIN set); its address once the app shows it. */
async function newDeviceAccount(page, pin) {
  await page.getByRole('button', { name: 'New account' }).click();
  await page.check('#confirm-words');
  await page.fill('input[name=new-pin]', pin);
  await page.fill('input[name=repeat-pin]', pin);
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.waitForSelector('[data-my-address]', { timeout: CHAIN_WAIT });
  return page.getAttribute('[data-my-address]', 'data-my-address');
}

async function openPatient(page, name) {
  const address = await demoAddress(name);
  await page.click('a.tab[href="#/patient"]');
  await page.click(`[data-demo-patient="${name}"]`);
  // Not any patient's title: the screen may still show the one found before.
  await page.waitForSelector(`[data-patient="${address}"] #patient-title`);
}

async function openRecordsAs(page, purpose) {
  await page.selectOption('select[name=purpose]', purpose);
  await page.click('#patient-title ~ .row button.primary');
}

/** The text of a PDF, extracted by pdf.js (whitespace removed: lines wrap anywhere). */
async function pdfText(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i += 1) {
    const page = await doc.getPage(i);
    text += (await page.getTextContent()).items.map((item) => item.str ?? '').join('');
  }
  await doc.destroy();
  return { pages: doc.numPages, text: text.replace(/\s+/g, '') };
}
const squash = (s) => s.replace(/\s+/g, '');

/** The chain's anchor of a record (hash, amends) through the app's /rpc. */
let chainApi;
async function api() {
  chainApi ??= await ApiPromise.create({ provider: new WsProvider(`${appUrl.replace(/^http/, 'ws')}/rpc`), noInitWarn: true });
  return chainApi;
}

async function saveRecordAs(page, kind) {
  const before = await page.$eval('[data-saved-record]', (el) => el.dataset.savedRecord).catch(() => null);
  await page.getByRole('button', { name: 'Encrypt and save' }).click();
  // A new record: the message of the one saved before may still be on screen until then.
  await page.waitForFunction(([k, old]) => {
    const saved = document.querySelector(`[data-saved-record][data-kind="${k}"]`);
    return saved !== null && saved.dataset.savedRecord !== old;
  }, [kind, before], { timeout: CHAIN_WAIT });
  const id = await page.getAttribute('[data-saved-record]', 'data-saved-record');
  check(/^\d+$/.test(id ?? ''), `no record id: ${id}`);
  return id;
}

/** The status of lot `lot` of product `gtin` on chain ('Active', 'Recalled', …), read directly. */
async function getLotStatus(chain, gtin, lot) {
  const id = await chain.query.drugProvenance.lotIds(stringToHex(gtin), stringToHex(lot));
  const found = await chain.query.drugProvenance.lots(id.unwrap());
  const status = found.unwrap().status;
  return status.type;
}

const COMPLAINT = 'Cough for three days';
const started = Date.now();
let exitCode = 0;
try {
  // The demo emergency's donation, seeded from the start (its allocation rounds take minutes of
  // chain time) by accounts no other step signs with before it is awaited (before the hand-over).
  const emergencySeeded = api().then((chain) => seedDemoEmergency({ api: chain, keyring: new Keyring({ type: 'sr25519', ss58Format: 42 }), send: sendInBlock }));
  emergencySeeded.catch(() => undefined); // reported where it is awaited
  let checker; // a signed-out phone: "Check a medicine", "Trace a donation"
  let stockPages = null; // the maker's and the township pharmacist's stock screens, and Eve's prescription
  let offline;
  await step('node and vault down: a clear message in Chinese, then in English', async () => {
    offline = await person('zh-CN', '?node=ws://127.0.0.1:9&vault=http://127.0.0.1:9');
    await offline.waitForSelector('.banner >> nth=1', { timeout: 20_000 });
    const zh = await offline.textContent('.banner-slot');
    check(zh.includes('无法连接乡医链') && zh.includes('无法连接病历库'), `Chinese banners missing: ${zh}`);
    check(await offline.getAttribute('html', 'lang') === 'zh-CN', 'Chinese is not the first language for a zh-CN browser');
    await screenshot(offline, 'offline-zh');
    await setLanguage(offline, 'en');
    await offline.waitForSelector('.banner-slot >> text=Cannot reach the records vault');
    const en = await offline.textContent('.banner-slot');
    check(en.includes('Cannot reach the RuralMed chain') && en.includes('Cannot reach the records vault'), `English banners missing: ${en}`);
    check(await offline.isVisible('[data-link="node"][data-state="down"]'), 'node status is not "down"');
  });

  await step('the language choice is remembered across a reload', async () => {
    await offline.reload();
    await offline.waitForSelector('#signin-title');
    check(await offline.getAttribute('html', 'lang') === 'en', 'language not remembered');
    check((await offline.textContent('#signin-title')) === 'Sign in', 'English title missing after reload');
    await offline.context().close();
  });

  await step('device account: backup words shown once, PINs checked, wrong PIN refused, restore gives the same account', async () => {
    const page = await person('en-US');
    await page.getByRole('button', { name: 'New account' }).click();
    const words = await page.$$eval('[data-testid=mnemonic] li', (lis) => lis.map((li) => li.textContent));
    check(words.length === 12, `expected 12 backup words, got ${words.length}`);
    await screenshot(page, 'new-account');
    await page.check('#confirm-words');
    await page.fill('input[name=new-pin]', '123456');
    await page.fill('input[name=repeat-pin]', '654321');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.waitForSelector('.message .note.error');
    check((await page.textContent('.message')).includes('The two PINs are not the same'), 'PIN mismatch not reported');
    await page.fill('input[name=repeat-pin]', '123456');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.waitForSelector('.who', { timeout: CHAIN_WAIT });
    const signedIn = await page.textContent('.who');
    const stored = await page.evaluate(() => localStorage.getItem('ruralmed.account.v1'));
    check(stored !== null && !stored.includes(words[0]), 'the mnemonic is not stored encrypted');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.fill('input[name=pin]', '000000');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.waitForSelector('.message .note.error');
    check((await page.textContent('.message')).includes('Wrong PIN. Nothing was changed.'), 'wrong PIN not reported');
    check(await page.evaluate(() => localStorage.getItem('ruralmed.account.v1')) === stored, 'a wrong PIN changed the stored account');
    check(!(await page.isVisible('.who')), 'a wrong PIN signed in');
    await page.fill('input[name=pin]', '123456');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.waitForSelector('.who', { timeout: CHAIN_WAIT });
    check((await page.textContent('.who')) === signedIn, 'unlocking gave another account');
    await page.context().close();

    const other = await person('en-US');
    await other.getByRole('button', { name: 'Restore from backup words' }).click();
    await other.fill('textarea[name=words]', 'not valid words at all');
    await other.fill('input[name=new-pin]', '246810');
    await other.fill('input[name=repeat-pin]', '246810');
    await other.getByRole('button', { name: 'Restore' }).click();
    await other.waitForSelector('.message .note.error');
    check((await other.textContent('.message')).includes('not valid backup words'), 'bad backup words not reported');
    await other.fill('textarea[name=words]', words.join(' '));
    await other.getByRole('button', { name: 'Restore' }).click();
    await other.waitForSelector('.who', { timeout: CHAIN_WAIT });
    check((await other.textContent('.who')) === signedIn, 'restoring gave another account');
    await other.context().close();
  });

  const patient = await person('en-US');
  const doctor = await person('en-US');
  const county = await person('en-US');
  let recordId;
  let latestId; // the corrected version of recordId, once Charlie amends it
  let printedPdf;
  const kindIds = {};

  await step('patient Eve signs in (demo county) and publishes her encryption key', async () => {
    await screenshot(patient, 'signin');
    await signInDemo(patient, 'Eve');
    await patient.waitForSelector('#records-title');
    // A fresh chain: her first sign-in publishes her X25519 key (docs/encryption.md §6.2).
    await patient.waitForSelector('.toast .note.ok >> text=encryption key is now on the chain');
    check((await patient.textContent('.who')).includes('Eve'), 'not signed in as Eve');
  }, { inPart: 'both' });

  await step('village doctor Charlie writes a visit record for Eve', async () => {
    await signInDemo(doctor, 'Charlie');
    await doctor.waitForSelector('.toast .note.ok >> text=encryption key is now on the chain');
    await openPatient(doctor, 'Eve');
    await screenshot(doctor, 'find-patient');
    await doctor.click('a[href="#/write"]');
    await doctor.waitForSelector('#write-title');
    await doctor.fill('textarea[name=complaint]', COMPLAINT);
    await doctor.fill('textarea[name=findings]', 'Temperature 38.1 °C, red throat');
    await doctor.fill('input[name=icd10]', 'J06');
    await doctor.fill('input[name=diagnosis]', 'Acute upper respiratory infection');
    await doctor.fill('textarea[name=plan]', 'Rest and fluids; come back in 3 days if not better');
    // A malformed ICD-10 code is refused before anything is sent.
    await doctor.fill('input[name=icd10]', '06.9');
    await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
    await doctor.waitForSelector('.message .note.error');
    check((await doctor.textContent('.message')).includes('not an ICD-10 code'), 'bad ICD-10 code not refused');
    await doctor.fill('input[name=icd10]', 'j06.9');
    await screenshot(doctor, 'write');
    await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
    await doctor.waitForSelector('[data-saved-record]', { timeout: CHAIN_WAIT });
    recordId = await doctor.getAttribute('[data-saved-record]', 'data-saved-record');
    check(/^\d+$/.test(recordId ?? ''), `no record id: ${recordId}`);
  }, { inPart: 'both' });

  await step('Eve reads the record decrypted, with author, clinic and time', async () => {
    await patient.getByRole('button', { name: 'Refresh' }).click();
    const card = `[data-record="${recordId}"]`;
    await patient.waitForSelector(`${card} dl.lines`, { timeout: CHAIN_WAIT });
    const text = await patient.textContent(card);
    for (const want of [COMPLAINT, 'J06.9', 'Acute upper respiratory infection', 'Charlie', 'Hekou Village Clinic', 'Visit']) {
      check(text.includes(want), `record card lacks "${want}": ${text}`);
    }
    await screenshot(patient, 'my-records');
  });

  await step('Eve prints the record: the PDF holds the record and a QR code with its id and content hash', async () => {
    const card = `[data-record="${recordId}"]`;
    await patient.click(`${card} [data-print]`);
    await patient.waitForSelector('.print-sheet[data-ready]');
    const anchor = (await (await api()).call.patientRecordsApi.record(recordId)).toJSON();
    const hash = anchor.contentHash;
    check(/^0x[0-9a-f]{64}$/.test(hash), `no content hash on chain: ${JSON.stringify(anchor)}`);
    const payload = `ruralmed:record/${recordId}?hash=${hash}`;
    const qr = await patient.$eval(`[data-print-record="${recordId}"] img[data-qr]`, (img) => ({ code: img.dataset.qr, ok: img.complete && img.naturalWidth > 0 }));
    check(qr.code === payload, `QR code says ${qr.code}, not ${payload}`);
    check(qr.ok, 'the QR code image did not load');
    await qrMatches(patient, `[data-print-record="${recordId}"] img[data-qr]`, payload);
    await screenshot(patient, 'print');
    printedPdf = await patient.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(artifacts, 'record.pdf'), printedPdf);
    check(printedPdf.subarray(0, 5).toString() === '%PDF-', 'not a PDF');
    const { text, pages } = await pdfText(printedPdf);
    for (const want of [COMPLAINT, 'J06.9', 'Acute upper respiratory infection', 'Rest and fluids', `Record ${recordId}`, hash, 'Hekou Village Clinic']) {
      check(text.includes(squash(want)), `the PDF lacks "${want}": ${text.slice(0, 400)}`);
    }
    check(!text.includes(squash('Print or save as PDF')), 'the print buttons are in the PDF');
    console.log(`  record PDF: ${printedPdf.length} bytes, ${pages} page(s)`);
    await patient.getByRole('button', { name: 'Back' }).click();
    await patient.waitForSelector(`${card} dl.lines`);
    await patient.click('[data-print-all]');
    await patient.waitForSelector('.print-sheet[data-ready]');
    const whole = await patient.pdf({ format: 'A4' });
    writeFileSync(join(artifacts, 'history.pdf'), whole);
    check((await pdfText(whole)).text.includes(squash(COMPLAINT)), 'the whole-history PDF lacks the record');
    await patient.getByRole('button', { name: 'Back' }).click();
  });

  await step('Eve shares the record by a SMART Health Link; a doctor outside RuralMed opens it with the passcode; Eve sees the use and stops the link', async () => {
    const card = `[data-record="${recordId}"]`;
    await patient.click(`${card} [data-share]`);
    await patient.waitForSelector('.share-sheet form');
    await patient.fill('input[name="link-label"]', 'Sore throat, Hekou');
    await patient.fill('input[name="link-passcode"]', '2468');
    await screenshot(patient, 'share-link');
    await patient.click('.share-sheet button[type="submit"]');
    await patient.waitForSelector('.share-sheet [data-link-made]', { timeout: 60_000 });
    const link = await patient.inputValue('input[name="link-text"]');
    check(link.startsWith(`${appUrl}/viewer.html#shlink:/`), `not a viewer link: ${link}`);
    const payload = JSON.parse(Buffer.from(link.slice(link.indexOf('shlink:/') + 8), 'base64url').toString());
    check(payload.flag === 'P' && payload.label === 'Sore throat, Hekou' && payload.key.length === 43 && payload.url.startsWith(`${appUrl}/shl/`), `unexpected link payload: ${JSON.stringify(payload)}`);
    check(await patient.$eval('img[data-link-qr]', (img) => img.dataset.linkQr) === link, 'the QR code is not the link');
    await qrMatches(patient, 'img[data-link-qr]', link);
    await screenshot(patient, 'share-link-made');
    await patient.getByRole('button', { name: 'Done' }).click();

    // The outside doctor: a browser with no RuralMed account, in Chinese.
    const outsiderContext = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', deviceScaleFactor: 1 });
    const outsider = await outsiderContext.newPage();
    openPages.push(outsider);
    outsider.on('pageerror', (e) => { pageErrors.push(e.message); });
    const requests = [];
    outsider.on('request', (r) => { requests.push(r.url()); });
    await outsider.goto(link);
    await outsider.waitForSelector('input[name="recipient"]');
    check((await outsider.textContent('main')).includes('分享的健康档案') && (await outsider.textContent('main')).includes('Sore throat, Hekou'), 'the viewer does not show its Chinese title and the label');
    await screenshot(outsider, 'link-viewer-zh');
    await setLanguage(outsider, 'en');
    await outsider.fill('input[name="recipient"]', 'Dr Li, Kunming First Hospital');
    await outsider.fill('input[name="passcode"]', '1111');
    await outsider.click('button[type="submit"]');
    await outsider.waitForSelector('[data-link-error="shl_passcode"]');
    check((await outsider.textContent('[data-link-error]')).includes('9 more tries'), `wrong passcode not explained: ${await outsider.textContent('[data-link-error]')}`);
    await outsider.fill('input[name="passcode"]', '2468');
    await outsider.click('button[type="submit"]');
    await outsider.waitForSelector(`[data-shared-record="${recordId}"]`);
    const shown = await outsider.textContent('main');
    for (const want of [COMPLAINT, 'J06.9', 'Acute upper respiratory infection']) check(shown.includes(want), `the outside doctor does not see "${want}": ${shown.slice(0, 300)}`);
    check(!requests.some((u) => u.includes(payload.key)), 'the link key was sent to a server');
    check(!requests.some((u) => /polkadot|\/rpc/.test(u)), 'the viewer loaded the chain');
    await screenshot(outsider, 'link-viewer-records');

    // Eve sees who opened it, then stops it.
    await patient.click('a.tab[href="#/trail"]');
    await patient.waitForSelector('[data-link-use]', { timeout: CHAIN_WAIT });
    check((await patient.textContent('[data-link-use]')).includes('Dr Li, Kunming First Hospital opened "Sore throat, Hekou"'), `the use is not on the trail: ${await patient.textContent('[data-link-use]')}`);
    await patient.click('a.tab[href="#/access"]');
    await patient.waitForSelector('[data-link-state="active"]');
    check((await patient.textContent('[data-link-state="active"]')).includes('opened 1 time'), 'the link list does not count the use');
    await screenshot(patient, 'links');
    await patient.click('[data-revoke-link]');
    await patient.waitForSelector('[data-link-state="revoked"]', { timeout: CHAIN_WAIT });
    await outsider.reload();
    await outsider.fill('input[name="recipient"]', 'Dr Li, Kunming First Hospital');
    await outsider.fill('input[name="passcode"]', '2468');
    await outsider.click('button[type="submit"]');
    await outsider.waitForSelector('[data-link-error="shl_revoked"]');
    check((await outsider.textContent('[data-link-error]')).includes('stopped this link'), 'a stopped link is not explained');
    await outsiderContext.close();
    await patient.click('a.tab[href="#/records"]');
  });

  await step('Charlie writes vital signs, a prescription, a photo and a PDF; bad values are refused first', async () => {
    await doctor.click('a.tab[href="#/write"]');
    await doctor.waitForSelector('#write-title');
    await doctor.check('#kind-vitals');
    await doctor.fill('input[name=systolic]', '80');
    await doctor.fill('input[name=diastolic]', '120');
    await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
    await doctor.waitForSelector('.message .note.error');
    check((await doctor.textContent('.message')).includes('lower blood pressure must be less'), 'inverted blood pressure not refused');
    await doctor.fill('input[name=temperature]', '51');
    await doctor.fill('input[name=systolic]', '128');
    await doctor.fill('input[name=diastolic]', '82');
    await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
    await doctor.waitForSelector('.message .note.error >> text=between 30 and 45');
    await doctor.fill('input[name=temperature]', '37.8');
    await doctor.fill('input[name=pulse]', '88');
    await doctor.fill('input[name=weight]', '58.5');
    await screenshot(doctor, 'write-vitals');
    kindIds.vitals = await saveRecordAs(doctor, 'vitals');

    await doctor.check('#kind-prescription');
    await doctor.fill('input[name=medicine]', 'Amoxicillin 250 mg capsules');
    await doctor.fill('input[name=dose]', '2');
    await doctor.selectOption('select[name=dose-unit]', 'capsule');
    await doctor.fill('input[name=per-day]', '0');
    await doctor.fill('input[name=days]', '5');
    await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
    await doctor.waitForSelector('.message .note.error >> text=whole number from 1 to 12');
    await doctor.fill('input[name=per-day]', '3');
    await doctor.fill('textarea[name=rx-note]', 'After meals');
    await screenshot(doctor, 'write-prescription');
    kindIds.prescription = await saveRecordAs(doctor, 'prescription');

    await doctor.check('#kind-file');
    await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
    await doctor.waitForSelector('.message .note.error >> text=Choose a photo or a PDF first');
    await doctor.setInputFiles('input[name=file]', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
    await doctor.fill('input[name=file-title]', 'Text');
    await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
    await doctor.waitForSelector('.message .note.error >> text=Only photos');
    // A real PNG (a QR code drawn by the qrcode library) and a real PDF (the one just printed).
    const png = await QRCode.toBuffer('throat photo stand-in', { type: 'png', width: 240 });
    await doctor.setInputFiles('input[name=file]', { name: 'throat.png', mimeType: 'image/png', buffer: png });
    await doctor.fill('input[name=file-title]', 'Throat photo');
    await screenshot(doctor, 'write-file');
    kindIds.photo = await saveRecordAs(doctor, 'file');
    await doctor.setInputFiles('input[name=file]', { name: 'report.pdf', mimeType: 'application/pdf', buffer: printedPdf });
    await doctor.fill('input[name=file-title]', 'Earlier visit report');
    kindIds.pdf = await saveRecordAs(doctor, 'file');
  });

  await step('Eve sees the vital signs, the prescription, the photo and the PDF, readably', async () => {
    await patient.getByRole('button', { name: 'Refresh' }).click();
    const card = (id) => `[data-record="${id}"]`;
    await patient.waitForSelector(`${card(kindIds.pdf)} [data-attachment="pdf"]`, { timeout: CHAIN_WAIT * 2 });
    // Newest first, one read at a time: the vital signs are opened last.
    for (const id of [kindIds.photo, kindIds.prescription, kindIds.vitals]) await patient.waitForSelector(`${card(id)} dl.lines`, { timeout: CHAIN_WAIT });
    const vitals = await patient.textContent(card(kindIds.vitals));
    for (const want of ['Vital signs', 'Blood pressure', '128/82 mmHg', 'Pulse', '88 /min', 'Temperature', '37.8 °C', 'Weight', '58.5 kg']) {
      check(vitals.includes(want) || (want === 'Vital signs' && vitals.includes('Measurement')), `vital signs card lacks "${want}": ${vitals}`);
    }
    const rx = await patient.textContent(card(kindIds.prescription));
    for (const want of ['Prescription', 'Amoxicillin 250 mg capsules', '2 capsules', '3 times a day', '5 days', 'After meals']) check(rx.includes(want), `prescription card lacks "${want}": ${rx}`);
    const photo = await patient.$eval(`${card(kindIds.photo)} img[data-attachment="image"]`, (img) => ({ w: img.naturalWidth, alt: img.alt }));
    check(photo.w === 240 && photo.alt === 'Throat photo', `the photo is not shown: ${JSON.stringify(photo)}`);
    const pdfHref = await patient.getAttribute(`${card(kindIds.pdf)} [data-attachment="pdf"]`, 'href');
    const pdfBytes = await patient.evaluate(async (href) => Array.from(new Uint8Array(await (await fetch(href)).arrayBuffer())), pdfHref);
    check(Buffer.from(pdfBytes).equals(printedPdf), 'the attached PDF is not the file Charlie attached');
    await screenshot(patient, 'my-records-kinds');
  });

  await step('county doctor Bob, without consent, is clearly refused', async () => {
    await signInDemo(county, 'Bob');
    await openPatient(county, 'Eve');
    await openRecordsAs(county, 'Treatment');
    await county.waitForSelector('[data-refused]', { timeout: CHAIN_WAIT });
    const text = await county.textContent('[data-refused]');
    check(text.includes('Refused') && text.includes('has not allowed you'), `unclear refusal: ${text}`);
    check(!(await county.textContent('main')).includes(COMPLAINT), 'refused doctor sees the record');
    await screenshot(county, 'refused');
  });

  await step('Charlie opens Eve\'s records for treatment', async () => {
    await doctor.click('a.tab[href="#/patient"]');
    await doctor.waitForSelector('#patient-title');
    await openRecordsAs(doctor, 'Treatment');
    await doctor.waitForSelector(`[data-record="${recordId}"] dl.lines`, { timeout: CHAIN_WAIT });
    check((await doctor.textContent(`[data-record="${recordId}"]`)).includes(COMPLAINT), 'doctor cannot read the record');
    await screenshot(doctor, 'patient-records');
  });

  await step('Eve\'s access trail lists Charlie\'s read', async () => {
    await patient.click('a.tab[href="#/trail"]');
    await patient.waitForSelector('.trail li.entry', { timeout: CHAIN_WAIT });
    const entries = await patient.$$eval('.trail li.entry', (lis) => lis.map((li) => li.textContent));
    check(entries.some((e) => e.includes('Charlie') && e.includes(`Record ${recordId}`) && e.includes('treatment')), `no entry for Charlie: ${entries.join(' | ')}`);
    await screenshot(patient, 'who-looked');
  }, { v3: true });

  await step('Eve questions the record: both Eve and Charlie see it as questioned', async () => {
    await patient.click('a.tab[href="#/records"]');
    const card = `[data-record="${recordId}"]`;
    await patient.waitForSelector(`${card} dl.lines`, { timeout: CHAIN_WAIT });
    await patient.click(`${card} .question button`);
    await patient.check(`${card} input[value="IncorrectDetails"]`);
    await patient.click(`${card} .question button[type=submit]`);
    await patient.waitForSelector(`${card} [data-flag="disputed"]`, { timeout: 60_000 });
    check((await patient.textContent(`${card} [data-flag="disputed"]`)).includes('Some details are wrong'), 'reason not shown');
    await openRecordsAs(doctor, 'Treatment');
    await doctor.waitForSelector(`${card} [data-flag="disputed"]`, { timeout: CHAIN_WAIT });
  }, { v3: true });

  await step('Charlie answers with a corrected version; Eve sees it first and the old one on request', async () => {
    const card = `[data-record="${recordId}"]`;
    await doctor.waitForSelector(`${card} [data-amend]`, { timeout: CHAIN_WAIT });
    await doctor.click(`${card} [data-amend]`);
    await doctor.waitForSelector(`[data-amending="${recordId}"]`);
    check(await doctor.inputValue('textarea[name=complaint]') === COMPLAINT, 'the correction is not prefilled');
    await doctor.fill('input[name=icd10]', 'J02.9');
    await doctor.fill('input[name=diagnosis]', 'Acute pharyngitis');
    await screenshot(doctor, 'amend');
    await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
    await doctor.waitForSelector('[data-saved-record]', { timeout: CHAIN_WAIT });
    latestId = await doctor.getAttribute('[data-saved-record]', 'data-saved-record');
    const anchor = (await (await api()).call.patientRecordsApi.record(latestId)).toJSON();
    check(String(anchor.amends) === recordId, `record ${latestId} does not amend ${recordId} on chain: ${JSON.stringify(anchor)}`);
    await patient.click('a.tab[href="#/records"]');
    await patient.getByRole('button', { name: 'Refresh' }).click();
    await patient.waitForSelector(`[data-record="${latestId}"] dl.lines`, { timeout: CHAIN_WAIT });
    const first = await patient.$eval('.records > .list > [data-record]', (el) => el.dataset.record);
    check(first === latestId, `the newest version is not first (${first})`);
    check(await patient.$(`.records > .list > ${card}`) === null, 'the replaced version is listed beside the new one');
    check((await patient.textContent(`[data-record="${latestId}"]`)).includes('Acute pharyngitis'), 'the correction is not shown');
    await patient.click(`[data-history="${latestId}"]`);
    await patient.waitForSelector(`[data-history-of="${latestId}"] ${card} dl.lines`, { timeout: CHAIN_WAIT });
    const old = await patient.textContent(`[data-history-of="${latestId}"] ${card}`);
    check(old.includes('Acute upper respiratory infection') && old.includes(`Replaced by a corrected version: record ${latestId}`), `the earlier version is not shown as replaced: ${old}`);
    await screenshot(patient, 'history');
  }, { v3: true });

  await step('Eve gives Bob access by name; Bob then reads the record', async () => {
    await patient.click('a.tab[href="#/access"]');
    await patient.waitForSelector('.grants li.grant', { timeout: CHAIN_WAIT });
    check((await patient.textContent('.grants')).includes('Every doctor of Hekou Village Clinic'), 'the demo grant to Hekou is not listed in plain words');
    await patient.selectOption('select[name=kind]', 'practitioner');
    const bob = await patient.$$eval('select[name=doctor] option', (os) => os.find((o) => o.textContent.startsWith('Bob'))?.value);
    check(bob !== undefined, 'Bob is not offered by name');
    await patient.selectOption('select[name=doctor]', bob);
    await patient.selectOption('select[name=purpose]', 'Treatment');
    await screenshot(patient, 'who-may-see');
    await patient.getByRole('button', { name: 'Give access' }).click();
    await patient.waitForSelector('.toast .note.ok >> text=Access given.', { timeout: CHAIN_WAIT });
    await patient.waitForFunction(() => document.querySelectorAll('.grants li.grant').length === 2, null, { timeout: CHAIN_WAIT });
    await openRecordsAs(county, 'Treatment');
    await county.waitForSelector(`[data-record="${latestId ?? recordId}"] dl.lines`, { timeout: CHAIN_WAIT });
    check((await county.textContent(`[data-record="${latestId ?? recordId}"]`)).includes(COMPLAINT), 'Bob cannot read after the grant');
  });

  await step('Eve stops Bob\'s access; Bob is refused again', async () => {
    const bobGrant = await patient.$$eval('.grants li.grant', (lis) => lis.find((li) => li.textContent.includes('Bob'))?.getAttribute('data-grant'));
    check(bobGrant !== undefined, 'Bob\'s grant not listed');
    await patient.click(`[data-grant="${bobGrant}"] button`);
    await patient.waitForSelector('.toast .note.ok >> text=Access stopped.', { timeout: CHAIN_WAIT });
    await openRecordsAs(county, 'Treatment');
    await county.waitForSelector('[data-refused]', { timeout: CHAIN_WAIT });
  });

  await step('Charlie refers Eve to Bob at the county hospital; Bob reads for the referral', async () => {
    await openPatient(doctor, 'Eve');
    await doctor.click('[data-open-referral]');
    await doctor.waitForSelector('#referral-title');
    const bob = await doctor.$$eval('select[name=specialist] option', (os) => os.find((o) => o.textContent.startsWith('Bob'))?.value);
    check(bob !== undefined, 'Bob is not offered as a specialist by name');
    await doctor.selectOption('select[name=specialist]', bob);
    await doctor.fill('input[name=referral-days]', '45');
    await doctor.getByRole('button', { name: 'Refer', exact: true }).click();
    await doctor.waitForSelector('.message .note.error >> text=1 to 30 days');
    await doctor.fill('input[name=referral-days]', '7');
    await screenshot(doctor, 'referral');
    await doctor.getByRole('button', { name: 'Refer', exact: true }).click();
    await doctor.waitForSelector('[data-referred]', { timeout: CHAIN_WAIT });
    await openRecordsAs(county, 'Referral');
    await county.waitForSelector(`[data-record="${latestId ?? recordId}"] dl.lines`, { timeout: CHAIN_WAIT });
    check((await county.textContent(`[data-record="${latestId ?? recordId}"]`)).includes(COMPLAINT), 'Bob cannot read on the referral');
    // Eve sees the referral made on her grant, in words, and can stop it (she was on this
    // screen already: going there again through another screen loads it afresh).
    await patient.click('a.tab[href="#/trail"]');
    await patient.click('a.tab[href="#/access"]');
    await patient.waitForSelector('[data-referral]', { timeout: CHAIN_WAIT });
    const referral = await patient.textContent('[data-referral]');
    check(referral.includes('Charlie') && referral.includes('sent you to Bob') && referral.includes('Anding County'), `the referral is not shown in words: ${referral}`);
    await screenshot(patient, 'referrals');
    const eve = await eveAddress();
    const before = (await (await api()).call.consentApi.referralsOf(eve, null, 100)).length;
    await patient.click('[data-stop-referral]');
    await patient.waitForSelector('.toast .note.ok >> text=The referral is stopped.', { timeout: CHAIN_WAIT });
    check((await (await api()).call.consentApi.referralsOf(eve, null, 100)).length === before - 1, 'the referral is still on chain');
  });

  await step('Bob breaks the glass, warned it is reviewed; only the commitment is on chain; he reads for the emergency', async () => {
    await openPatient(county, 'Eve');
    await county.click('[data-open-glass]');
    await county.waitForSelector('[data-glass-warning]');
    const warning = await county.textContent('[data-glass-warning]');
    check(warning.includes('reviewed') && warning.includes('health authority') && warning.includes('7 days'), `unclear warning: ${warning}`);
    await county.getByRole('button', { name: 'Open emergency access' }).click();
    await county.waitForSelector('.message .note.error >> text=at least 20 characters');
    const justification = 'Found unconscious at the roadside; needs the history of allergies and medicines now.';
    await county.selectOption('select[name=glass-reason]', 'PatientUnresponsive');
    await county.fill('textarea[name=glass-why]', justification);
    await county.fill('input[name=glass-hours]', '2');
    await county.getByRole('button', { name: 'Open emergency access' }).click();
    await county.waitForSelector('.message .note.error >> text=Confirm that you understand');
    await county.check('#glass-understood');
    await screenshot(county, 'break-glass');
    await county.getByRole('button', { name: 'Open emergency access' }).click();
    await county.waitForSelector('[data-glass-open]', { timeout: CHAIN_WAIT });
    const shown = await county.getAttribute('[data-glass-open]', 'data-glass-open');
    const expected = u8aToHex(blake2AsU8a(u8aConcat(new Uint8Array([0]), blake2AsU8a(stringToU8a(justification), 256)), 256));
    check(shown === expected, `commitment ${shown} is not blake2(reason ‖ blake2(justification)) ${expected}`);
    const eve = '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw';
    const onChain = (await (await api()).call.consentApi.emergenciesOf(eve, 0, 100)).toJSON();
    check(onChain.length === 1 && onChain[0][1].justification === expected, `the chain holds something else: ${JSON.stringify(onChain)}`);
    check(!JSON.stringify(onChain).includes('unconscious'), 'the justification text is on chain');
    await openRecordsAs(county, 'Emergency');
    await county.waitForSelector(`[data-record="${latestId ?? recordId}"] dl.lines`, { timeout: CHAIN_WAIT });
  });

  await step('Eve sees the break-glass access highlighted with its review deadline, and disputes it', async () => {
    await patient.click('a.tab[href="#/trail"]');
    await patient.waitForSelector('.glass-entry.to-review[data-status="Open"]', { timeout: CHAIN_WAIT });
    const entry = await patient.textContent('.glass-entry');
    check(entry.includes('Bob') && entry.includes('Waiting for your review') && entry.includes('before'), `unclear break-glass entry: ${entry}`);
    // The trail loads beside the review list: wait for it, then the emergency read must stand out.
    await patient.waitForSelector('.trail[aria-busy="false"] li.entry', { timeout: CHAIN_WAIT });
    check(await patient.$('.trail li.entry.emergency') !== null, 'the emergency read is not highlighted in the trail');
    check(await patient.isVisible('[data-accept]') && await patient.isVisible('[data-dispute]'), 'no accept / dispute buttons');
    await screenshot(patient, 'who-looked-glass');
    await patient.click('[data-dispute]');
    await patient.waitForSelector('.glass-entry[data-status="Escalated"]', { timeout: CHAIN_WAIT });
    check(await patient.$('[data-dispute]') === null, 'a disputed access can still be reviewed');
  }, { v3: true });

  await step('guardian FerdieStash reads, for Ferdie, the record DaveStash wrote', async () => {
    // Ferdie and his guardian sign in once so that their keys are on chain: a record is only
    // written when every reader who must open it (patient, guardian, author) can.
    const ferdie = await person('en-US');
    await signInDemo(ferdie, 'Ferdie');
    await ferdie.waitForSelector('.toast .note.ok >> text=encryption key is now on the chain');
    await ferdie.context().close();
    const guardian = await person('en-US');
    await signInDemo(guardian, 'FerdieStash');
    await guardian.waitForSelector('.toast .note.ok >> text=encryption key is now on the chain');
    await guardian.waitForSelector('#records-title');
    await guardian.waitForFunction(() => document.querySelector('#acting-for')?.selectedOptions[0]?.textContent.includes('Ferdie') === true);
    const dave = await person('en-US');
    await signInDemo(dave, 'DaveStash');
    await dave.waitForSelector('.toast .note.ok >> text=encryption key is now on the chain');
    await openPatient(dave, 'Ferdie');
    await dave.click('a[href="#/write"]');
    await dave.fill('textarea[name=complaint]', 'Knee pain after a fall');
    await dave.fill('textarea[name=findings]', 'Swollen left knee, can bear weight');
    await dave.fill('input[name=icd10]', 'S80.0');
    await dave.fill('input[name=diagnosis]', 'Contusion of knee');
    await dave.fill('textarea[name=plan]', 'Cold compress, rest; X-ray at the county hospital if not better in a week');
    await dave.getByRole('button', { name: 'Encrypt and save' }).click();
    await dave.waitForSelector('[data-saved-record]', { timeout: CHAIN_WAIT });
    await dave.context().close();
    await guardian.click('.title-row button');
    await guardian.waitForSelector('[data-record] dl.lines', { timeout: CHAIN_WAIT });
    check((await guardian.textContent('main')).includes('Knee pain after a fall'), 'the guardian cannot read the ward\'s record');
    await screenshot(guardian, 'guardian');
    await guardian.context().close();
  });

  await step('anyone, signed out, checks a pack by its printed code: Genuine, with maker, expiry and path; a wrong expiry, wrong and foreign codes and an unknown batch are explained', async () => {
    const chain = await api();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    // The demo emergency's accounts are done before anyone else signs (AliceStash receives here).
    await emergencySeeded;
    await stockHekouClinic({ api: chain, keyring, send: (c, tx, pair) => sendFinalized(c, tx, pair).then((events) => ({ events })), packs: 20 });
    const lotId = (await chain.query.drugProvenance.lotIds(AMOXICILLIN, AMOXICILLIN_LOT)).unwrap();
    const expiresOn = (await chain.query.drugProvenance.lots(lotId)).unwrap().expiresOn.toNumber();
    checker = await person('en-US');
    await checker.click('[data-public="check"]');
    await checker.waitForSelector('#check-title');
    const genuine = await checkPackCode(checker, `(01)${AMOXICILLIN}(17)${yymmdd(expiresOn - 1)}(10)${AMOXICILLIN_LOT}`, '[data-verdict="Genuine"]');
    for (const want of ['Genuine', 'Dianzhong Pharmaceutical', AMOXICILLIN_LOT, 'Made by Dianzhong Pharmaceutical', 'Sent by Dianzhong Pharmaceutical to Hekou Village Clinic', 'Received at Hekou Village Clinic']) {
      check(genuine.includes(want), `the check lacks "${want}": ${genuine}`);
    }
    check(await checker.$('[data-expiry-mismatch]') === null, 'the maker\'s own expiry is flagged');
    await screenshot(checker, 'check-genuine');
    const wrongExpiry = await checkPackCode(checker, `(01)${AMOXICILLIN}(17)${yymmdd(expiresOn + 40)}(10)${AMOXICILLIN_LOT}`, '[data-expiry-mismatch]');
    check(wrongExpiry.includes('may not be genuine'), `a wrong printed expiry is not explained: ${wrongExpiry}`);
    for (const [code, kind, words] of [
      [`(01)06901234567893(10)${AMOXICILLIN_LOT}`, 'BadGtin', 'product number (01) is not valid'],
      ['https://example.com/pack', 'NotPackCode', 'not a medicine pack code'],
      [AMOXICILLIN, 'NoLot', 'batch number (10) is missing'],
      [`(01)${AMOXICILLIN}(17)281301(10)${AMOXICILLIN_LOT}`, 'BadExpiry', 'not a real date'],
      ['', 'Empty', 'Type the code'],
    ]) {
      const shown = await checkPackCode(checker, code, `[data-problem="${kind}"]`);
      check(shown.includes(words), `${kind} is not explained: ${shown}`);
    }
    await screenshot(checker, 'check-bad-code');
    const unknown = await checkPackCode(checker, `(01)${AMOXICILLIN}(10)FAKE-0001`, '[data-verdict="Unknown"]');
    check(unknown.includes('possibly counterfeit'), `an unknown batch is not called possibly counterfeit: ${unknown}`);
    await screenshot(checker, 'check-unknown');
    await setLanguage(checker, 'zh-CN');
    const zh = await checkPackCode(checker, `(01)${AMOXICILLIN}(10)${AMOXICILLIN_LOT}`, '[data-verdict="Genuine"]');
    check(zh.includes('正品') && zh.includes('收货') && zh.includes('生产企业'), `the check is not in Chinese: ${zh}`);
    await setLanguage(checker, 'en');
  });

  await step('anyone scans a pack with the phone\'s camera: the vaccine\'s DataMatrix is read and checked Genuine', async () => {
    await checker.context().grantPermissions(['camera'], { origin: new URL(appUrl).origin });
    await checker.click('[data-scan="camera"]');
    await checker.waitForSelector(`[data-check-result][data-verdict="Genuine"]:has-text("${MR_LOT}")`, { timeout: CHAIN_WAIT });
    check(await checker.inputValue('input[name=pack-code]') === MR_PACK_CODE, `the scanned code is not shown: ${await checker.inputValue('input[name=pack-code]')}`);
    check(await checker.$('[data-expiry-mismatch]') === null, 'the vaccine\'s printed expiry does not match the chain');
    check(await checker.isHidden('video.camera'), 'the camera is still shown after the code was read');
    await screenshot(checker, 'check-camera');
  });

  await step('anyone checks a pack from a photo: the amoxicillin pack\'s DataMatrix is read and checked; a photo of another kind of code is explained', async () => {
    const photo = await bwipjs.toBuffer({ bcid: 'gs1datamatrix', text: `(01)${AMOXICILLIN}(10)${AMOXICILLIN_LOT}`, scale: 8, paddingwidth: 12, paddingheight: 12, backgroundcolor: 'FFFFFF' });
    await checker.setInputFiles('input[name=pack-photo]', { name: 'pack.png', mimeType: 'image/png', buffer: photo });
    await checker.waitForSelector(`[data-check-result][data-verdict="Genuine"]:has-text("${AMOXICILLIN_LOT}")`, { timeout: CHAIN_WAIT });
    check(await checker.inputValue('input[name=pack-code]') === `(01)${AMOXICILLIN}(10)${AMOXICILLIN_LOT}`, 'the code read from the photo is not shown');
    // A QR code of a web address: read, but not a medicine pack's code.
    const other = await QRCode.toBuffer('https://example.com/not-a-pack', { margin: 4, scale: 8 });
    await checker.setInputFiles('input[name=pack-photo]', { name: 'other.png', mimeType: 'image/png', buffer: other });
    await checker.waitForSelector('[data-problem="NotPackCode"]', { timeout: CHAIN_WAIT });
    check((await checker.textContent('.check-result')).includes('not a medicine pack code'), 'a photo of another code is not explained');
  });

  await step('Charlie hands amoxicillin over with a prescription; Eve sees it in My medicines, traced on chain; after a recall she is warned', async () => {
    const chain = await api();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const held = await stockHekouClinic({ api: chain, keyring, send: (c, tx, pair) => sendFinalized(c, tx, pair).then((events) => ({ events })), packs: 20 });
    check(held >= 2, `the clinic holds ${held} packs`);
    const lotId = (await chain.query.drugProvenance.lotIds(AMOXICILLIN, AMOXICILLIN_LOT)).unwrap();
    const dispensationsBefore = (await chain.query.drugProvenance.nextDispensationId()).toNumber();
    await doctor.click('a[href="#/write"]');
    await doctor.check('#kind-prescription');
    const fillRx = async (gtin, lot, packs) => {
      await doctor.fill('input[name=medicine]', 'Amoxicillin 500 mg capsules');
      await doctor.fill('input[name=dose]', '1');
      await doctor.selectOption('select[name=dose-unit]', 'capsule');
      await doctor.fill('input[name=per-day]', '3');
      await doctor.fill('input[name=days]', '7');
      await doctor.fill('input[name=give-gtin]', gtin);
      await doctor.fill('input[name=give-lot]', lot);
      await doctor.fill('input[name=give-packs]', packs);
    };
    // A product code with a wrong check digit is refused before anything is saved.
    const recordsBefore = (await chain.call.patientRecordsApi.recordsOf(await eveAddress(), 0, 1000)).length;
    await fillRx('06901234567891', AMOXICILLIN_LOT, '1');
    await doctor.click('form button[type=submit]');
    await doctor.waitForSelector('.message .note.error');
    check((await doctor.textContent('.message')).includes('not a product code'), 'a bad GTIN is not refused clearly');
    check((await chain.call.patientRecordsApi.recordsOf(await eveAddress(), 0, 1000)).length === recordsBefore, 'a refused form saved a record');
    await screenshot(doctor, 'write-hand-over');
    await fillRx(AMOXICILLIN, AMOXICILLIN_LOT, '2');
    await doctor.click('form button[type=submit]');
    await doctor.waitForSelector('[data-dispense-record]', { timeout: 3 * CHAIN_WAIT });
    const dispenseRecord = await doctor.getAttribute('[data-dispense-record]', 'data-dispense-record');
    check((await chain.query.drugProvenance.nextDispensationId()).toNumber() === dispensationsBefore + 1, 'no dispensation on chain');
    const dispensation = (await chain.query.drugProvenance.dispensations(dispensationsBefore)).toJSON();
    check(dispensation.org === 1 && dispensation.quantity === 2 && /^0x[0-9a-f]{64}$/.test(dispensation.commitment), `unexpected dispensation: ${JSON.stringify(dispensation)}`);
    check(!JSON.stringify(dispensation).includes(u8aToHex(new Keyring({ type: 'sr25519' }).addFromUri('//Eve').publicKey).slice(2)), 'the dispensation names the patient');
    // More packs than the clinic holds: the prescription is kept, the handover refused, nothing dispensed.
    await fillRx(AMOXICILLIN, AMOXICILLIN_LOT, '100');
    await doctor.click('form button[type=submit]');
    await doctor.waitForSelector('[data-dispense-failed]', { timeout: 2 * CHAIN_WAIT });
    check((await doctor.textContent('[data-dispense-failed]')).includes('NOT handed over'), 'a refused handover is not explained');
    check((await chain.query.drugProvenance.nextDispensationId()).toNumber() === dispensationsBefore + 1, 'a refused handover dispensed');

    await patient.click('a.tab[href="#/medicines"]');
    await patient.waitForSelector(`[data-medicine="${dispenseRecord}"]`, { timeout: CHAIN_WAIT });
    const card = await patient.textContent(`[data-medicine="${dispenseRecord}"]`);
    for (const want of ['Amoxicillin 500 mg capsules', AMOXICILLIN_LOT, 'Checked on the chain']) check(card.includes(want), `My medicines lacks "${want}": ${card}`);
    check(await patient.$('[data-recalled]') === null, 'a medicine is shown recalled before the recall');
    await screenshot(patient, 'my-medicines');
    await sendFinalized(chain, chain.tx.drugProvenance.recallLot(lotId, 'QualityDefect'), keyring.addFromUri('//One'));
    await patient.click('#medicines-title ~ button');
    await patient.waitForSelector(`[data-medicine="${dispenseRecord}"] [data-recalled]`, { timeout: CHAIN_WAIT });
    check((await patient.textContent(`[data-medicine="${dispenseRecord}"] [data-recalled]`)).includes('RECALLED: a quality defect'), 'the recall warning does not say why');
    check(await patient.isVisible('[data-recall-banner]'), 'no recall banner');
    await screenshot(patient, 'my-medicines-recalled');
  });

  await step('anyone checking the recalled batch again is told RECALLED, and why', async () => {
    const shown = await checkPackCode(checker, `(01)${AMOXICILLIN}(10)${AMOXICILLIN_LOT}`, '[data-verdict="Recalled"]');
    check(shown.includes('RECALLED because of a quality defect'), `the recall is not explained: ${shown}`);
    await screenshot(checker, 'check-recalled');
  });

  await step('medicine stock: Hekou\'s recall alert names Eve, to whom Charlie handed the recalled batch, and Hekou sends its packs back; the maker registers a product, makes a batch and ships vaccine packs to the distributor, which receives them by the shipment number and reports a cold-chain excursion; bad figures are refused first and change nothing', async () => {
    const chain = await api();
    const amoxicillin = (await chain.query.drugProvenance.lotIds(AMOXICILLIN, AMOXICILLIN_LOT)).unwrap().toString();
    const vaccine = (await chain.query.drugProvenance.lotIds(MR_VACCINE, MR_LOT)).unwrap().toString();
    const held = async (lot, org) => (await chain.query.drugProvenance.holdings(lot, org)).toNumber();
    const shipments = async () => (await chain.query.drugProvenance.nextShipmentId()).toNumber();

    // Charlie, a doctor of Hekou village clinic: the recalled batch first, and whom to call.
    await doctor.click('a.tab[href="#/stock"]');
    const recall = `[data-stock-org="1"] [data-recall="${amoxicillin}"]`;
    await doctor.waitForSelector(recall, { timeout: CHAIN_WAIT });
    const alert = await doctor.textContent(recall);
    for (const want of ['RECALLED because of a quality defect', 'Call Eve', 'You still hold']) check(alert.includes(want), `the recall alert lacks "${want}": ${alert}`);
    check(await doctor.$(`${recall} [data-patient="${await eveAddress()}"]`) !== null, 'the recall alert does not name Eve by her account');
    const hekouHeld = await held(amoxicillin, 1);
    const line = `[data-stock-org="1"] [data-lot="${amoxicillin}"]`;
    check(Number(await doctor.getAttribute(line, 'data-held')) === hekouHeld, 'the stock list does not say what the chain holds');
    check(await doctor.getAttribute(line, 'data-standing') === 'Recalled', 'the recalled batch is not marked recalled');
    await screenshot(doctor, 'stock-recall-alert');
    // Hekou sends the recalled packs back to the maker: more than it holds is refused first.
    await doctor.click(`${line} summary`);
    const back = `${line} [data-action-form="return"]`;
    const before = await shipments();
    await doctor.fill(`${back} input[name=return-packs]`, String(hekouHeld + 1));
    await refusedIn(doctor, back, 'You hold fewer packs', async () => (await shipments()) === before);
    await doctor.fill(`${back} input[name=return-packs]`, '3');
    await doctor.click(`${back} button[type=submit]`);
    await doctor.waitForSelector('[data-stock-org="1"] .stock-notice [data-shipment]', { timeout: CHAIN_WAIT });
    const returned = await doctor.getAttribute('[data-stock-org="1"] .stock-notice [data-shipment]', 'data-shipment');
    check(returned === String(before) && (await held(amoxicillin, 1)) === hekouHeld - 3, 'the return is not on chain as shown');

    // The maker: receives the return, registers a product, makes a batch, ships vaccine packs.
    const maker = await person();
    await signInDemo(maker, 'One');
    await maker.click('a.tab[href="#/stock"]');
    const makerPanel = '[data-stock-org="4"]';
    await maker.waitForSelector(`${makerPanel} [data-form="ship"] select[name=ship-lot]`, { timeout: CHAIN_WAIT });
    const makerHeld = await held(amoxicillin, 4);
    await maker.fill(`${makerPanel} input[name=shipment-number]`, returned);
    await maker.click(`${makerPanel} [data-form="receive"] form button[type=submit]`);
    await maker.waitForSelector(`${makerPanel} [data-shipment-view="${returned}"] input[name=received-packs]`, { timeout: CHAIN_WAIT });
    await maker.click(`${makerPanel} [data-shipment-view="${returned}"] button[type=submit]`);
    await maker.waitForSelector(`${makerPanel} .stock-notice [data-received="${returned}"]`, { timeout: CHAIN_WAIT });
    check((await held(amoxicillin, 4)) === makerHeld + 3, 'the maker did not get the 3 packs back');

    const register = `${makerPanel} [data-action-form="register-product"]`;
    const gtin = '06901234567779';
    await maker.fill(`${register} input[name=product-gtin]`, '06901234567770'); // wrong check digit
    await maker.fill(`${register} input[name=product-name]`, 'Oral rehydration salts');
    await maker.fill(`${register} input[name=product-strength]`, '20.5 g');
    await maker.selectOption(`${register} select[name=product-form]`, 'Powder');
    await refusedIn(maker, register, 'not a product number', async () => (await chain.query.drugProvenance.products(gtin)).isNone);
    await maker.fill(`${register} input[name=product-gtin]`, gtin);
    await maker.click(`${register} button[type=submit]`);
    await maker.waitForSelector(`${makerPanel} .stock-notice >> text=Oral rehydration salts is registered`, { timeout: CHAIN_WAIT });
    check((await chain.query.drugProvenance.products(gtin)).isSome, 'the product is not on chain');
    const make = `${makerPanel} [data-action-form="commission"]`;
    await maker.waitForSelector(`${make} select[name=lot-product] option[value="${gtin}"]`, { state: 'attached', timeout: CHAIN_WAIT });
    await maker.selectOption(`${make} select[name=lot-product]`, gtin);
    await maker.fill(`${make} input[name=lot-number]`, 'ORS-2026-001');
    await maker.fill(`${make} input[name=lot-made]`, '2026-11-01');
    await maker.fill(`${make} input[name=lot-expires]`, '2026-10-01');
    await maker.fill(`${make} input[name=lot-packs]`, '500');
    const noLot = async () => (await chain.query.drugProvenance.lotIds(gtin, 'ORS-2026-001')).isNone;
    await refusedIn(maker, make, 'must be after the date it was made', noLot);
    await maker.fill(`${make} input[name=lot-expires]`, '2028-11-01');
    await maker.fill(`${make} input[name=lot-packs]`, '0');
    await refusedIn(maker, make, 'At least one pack', noLot);
    await maker.fill(`${make} input[name=lot-packs]`, '500');
    await maker.click(`${make} button[type=submit]`);
    await maker.waitForSelector(`${makerPanel} .stock-notice [data-commissioned]`, { timeout: CHAIN_WAIT });
    const orsLot = await maker.getAttribute(`${makerPanel} .stock-notice [data-commissioned]`, 'data-commissioned');
    await maker.waitForSelector(`${makerPanel} [data-lot="${orsLot}"][data-held="500"]`, { timeout: CHAIN_WAIT });
    check((await held(orsLot, 4)) === 500, 'the new batch is not in the maker\'s stock on chain');

    const ship = `${makerPanel} [data-form="ship"]`;
    const shipsBefore = await shipments();
    const refusedShip = async (lot, packs, words) => {
      await maker.selectOption(`${ship} select[name=ship-lot]`, lot);
      await maker.selectOption(`${ship} select[name=ship-to]`, '5');
      await maker.fill(`${ship} input[name=ship-packs]`, packs);
      await refusedIn(maker, `${ship} form`, words, async () => (await shipments()) === shipsBefore);
    };
    await refusedShip(vaccine, '0', 'At least one pack');
    await refusedShip(vaccine, '100000', 'You hold fewer packs');
    await refusedShip(vaccine, '1.5', 'whole number');
    await refusedShip(amoxicillin, '5', 'This batch is recalled');
    await maker.selectOption(`${ship} select[name=ship-lot]`, vaccine);
    await maker.fill(`${ship} input[name=ship-packs]`, '12');
    await maker.click(`${ship} button[type=submit]`);
    await maker.waitForSelector(`${makerPanel} .stock-notice [data-shipment]`, { timeout: CHAIN_WAIT });
    const shipment = await maker.getAttribute(`${makerPanel} .stock-notice [data-shipment]`, 'data-shipment');
    check(shipment === String(shipsBefore), `the shipment number shown (${shipment}) is not the chain's (${shipsBefore})`);
    await screenshot(maker, 'stock-maker');

    // The township pharmacy: the maker ships it oral rehydration salts; pharmacist Dave receives
    // them and hands two packs to Eve for Charlie's prescription, once she has allowed him to add
    // to her records (before that the chain's rule is explained and nothing is handed over).
    const orsShipsBefore = await shipments();
    await maker.selectOption(`${ship} select[name=ship-lot]`, orsLot);
    await maker.selectOption(`${ship} select[name=ship-to]`, '3');
    await maker.fill(`${ship} input[name=ship-packs]`, '20');
    await maker.click(`${ship} button[type=submit]`);
    await maker.waitForSelector(`${makerPanel} .stock-notice [data-shipment="${orsShipsBefore}"]`, { timeout: CHAIN_WAIT });
    const pharmacist = await person();
    await signInDemo(pharmacist, 'Dave');
    await pharmacist.click('a.tab[href="#/stock"]');
    const pharmacy = '[data-stock-org="3"]';
    await pharmacist.waitForSelector(`${pharmacy} [data-form="receive"] input[name=shipment-number]`, { timeout: CHAIN_WAIT });
    await pharmacist.fill(`${pharmacy} input[name=shipment-number]`, String(orsShipsBefore));
    await pharmacist.click(`${pharmacy} [data-form="receive"] form button[type=submit]`);
    await pharmacist.waitForSelector(`${pharmacy} [data-shipment-view="${orsShipsBefore}"] input[name=received-packs]`, { timeout: CHAIN_WAIT });
    await pharmacist.click(`${pharmacy} [data-shipment-view="${orsShipsBefore}"] button[type=submit]`);
    await pharmacist.waitForSelector(`${pharmacy} [data-lot="${orsLot}"][data-held="20"]`, { timeout: CHAIN_WAIT });
    const eve = await eveAddress();
    const prescriptions = (await chain.call.patientRecordsApi.recordsOf(eve, 0, 1000)).toJSON()
      .filter(([, r]) => r.category === 'MedicationRequest').map(([id]) => id);
    check(prescriptions.length > 0, 'Eve has no prescription');
    const prescription = String(prescriptions[prescriptions.length - 1]);
    const handover = `${pharmacy} [data-action-form="handover"]`;
    const dispensations = async () => (await chain.query.drugProvenance.nextDispensationId()).toNumber();
    const dispensedBefore = await dispensations();
    await pharmacist.selectOption(`${handover} select[name=handover-lot]`, orsLot);
    await pharmacist.fill(`${handover} input[name=handover-patient]`, 'not-an-account');
    await pharmacist.fill(`${handover} input[name=handover-prescription]`, prescription);
    await pharmacist.fill(`${handover} input[name=handover-packs]`, '2');
    await pharmacist.fill(`${handover} input[name=handover-dosage]`, 'One sachet in 200 ml of water after each loose stool');
    await refusedIn(pharmacist, handover, 'not a valid account number', async () => (await dispensations()) === dispensedBefore);
    await pharmacist.fill(`${handover} input[name=handover-patient]`, eve);
    await pharmacist.fill(`${handover} input[name=handover-prescription]`, 'R-12');
    await refusedIn(pharmacist, handover, 'A prescription number is a whole number', async () => (await dispensations()) === dispensedBefore);
    await pharmacist.fill(`${handover} input[name=handover-prescription]`, prescription);
    await refusedIn(pharmacist, handover, 'has not allowed', async () => (await dispensations()) === dispensedBefore);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const now = (await chain.rpc.chain.getHeader()).number.toNumber();
    await sendFinalized(chain, chain.tx.consent.grantConsent(eve, { Practitioner: keyring.addFromUri('//Dave').address },
      ['Treatment'], 'AllRecords', now, now + 1000, true, false), keyring.addFromUri('//Eve'));
    await pharmacist.click(`${handover} button[type=submit]`);
    await pharmacist.waitForSelector(`${pharmacy} .stock-notice [data-handed-over]`, { timeout: 3 * CHAIN_WAIT });
    const dispensed = (await chain.query.drugProvenance.dispensations(dispensedBefore)).toJSON();
    check(dispensed.org === 3 && dispensed.quantity === 2 && String(dispensed.lot) === orsLot && /^0x[0-9a-f]{64}$/.test(dispensed.commitment), `unexpected dispensation: ${JSON.stringify(dispensed)}`);
    const record = await pharmacist.getAttribute(`${pharmacy} .stock-notice [data-handed-over]`, 'data-dispense-record');
    const anchor = (await chain.call.patientRecordsApi.record(record)).toJSON();
    check(anchor.category === 'MedicationDispense' && anchor.organisation === 3, `unexpected dispense record: ${JSON.stringify(anchor)}`);
    check((await pharmacist.textContent(`${pharmacy} .stock-notice`)).includes('2 packs handed over to Eve'), 'the handover is not confirmed in words');
    await pharmacist.waitForSelector(`${pharmacy} [data-lot="${orsLot}"][data-held="18"]`, { timeout: CHAIN_WAIT });
    await screenshot(pharmacist, 'stock-handover');
    stockPages = { maker, pharmacist, prescription, orsGtin: gtin };

    // The distributor receives it by its number: wrong numbers and too many packs refused first.
    const distributor = await person();
    await signInDemo(distributor, 'Two');
    await distributor.click('a.tab[href="#/stock"]');
    const receive = '[data-stock-org="5"] [data-form="receive"]';
    await distributor.waitForSelector(`${receive} input[name=shipment-number]`, { timeout: CHAIN_WAIT });
    const lookUp = async (number) => {
      await distributor.fill(`${receive} input[name=shipment-number]`, number);
      await distributor.click(`${receive} form button[type=submit]`);
    };
    await lookUp('twelve');
    await distributor.waitForSelector(`${receive} [data-problem="NotANumber"]`);
    await lookUp('999999');
    await distributor.waitForSelector(`${receive} [data-problem="NoSuchShipment"]`, { timeout: CHAIN_WAIT });
    await lookUp(shipment);
    const card = `${receive} [data-shipment-view="${shipment}"]`;
    await distributor.waitForSelector(`${card} input[name=received-packs]`, { timeout: CHAIN_WAIT });
    await distributor.fill(`${card} input[name=received-packs]`, '13');
    await refusedIn(distributor, `${card} form`, 'More packs than were shipped',
      async () => (await chain.query.drugProvenance.shipments(shipment)).unwrap().status.isInTransit);
    await distributor.fill(`${card} input[name=received-packs]`, '12');
    await distributor.click(`${card} button[type=submit]`);
    const vaccineLine = `[data-stock-org="5"] [data-lot="${vaccine}"]`;
    await distributor.waitForSelector(`${vaccineLine}[data-held="12"]`, { timeout: CHAIN_WAIT });
    check((await held(vaccine, 5)) === 12, 'the distributor does not hold the 12 packs on chain');
    await lookUp(shipment);
    await distributor.waitForSelector(`${receive} [data-shipment-view="${shipment}"][data-status="Received"]`, { timeout: CHAIN_WAIT });
    await screenshot(distributor, 'stock-received');

    // A fridge too warm for 20 minutes: readings inside the vaccine's range are refused first.
    await distributor.click(`${vaccineLine} summary`);
    const excursion = `${vaccineLine} [data-action-form="excursion"]`;
    const events = async () => (await chain.query.drugProvenance.lots(vaccine)).unwrap().events.toNumber();
    const eventsBefore = await events();
    await distributor.fill(`${excursion} input[name=excursion-min]`, '3');
    await distributor.fill(`${excursion} input[name=excursion-max]`, '7');
    await distributor.fill(`${excursion} input[name=excursion-minutes]`, '20');
    await refusedIn(distributor, excursion, 'not outside', async () => (await events()) === eventsBefore);
    await distributor.fill(`${excursion} input[name=excursion-max]`, '9.5');
    await distributor.click(`${excursion} button[type=submit]`);
    await distributor.waitForSelector('[data-stock-org="5"] .stock-notice >> text=The batch stays usable', { timeout: CHAIN_WAIT });
    check((await events()) === eventsBefore + 1 && (await chain.query.drugProvenance.lots(vaccine)).unwrap().coldChain.isIntact, 'the excursion is not recorded as a short one');
    await setLanguage(distributor, 'zh-CN');
    await distributor.waitForSelector(`${vaccineLine} >> text=可以使用`, { timeout: CHAIN_WAIT });
    check((await distributor.textContent('#stock-title')) === '药品库存', 'the stock screen is not in Chinese');
    await screenshot(distributor, 'stock-zh');
    await setLanguage(distributor, 'en');
  });

  await step('serialised packs: the maker makes a batch with a serial on every pack and numbers them (too many and a bad serial refused first), ships three by serial, the pharmacy receives two (one missing, recorded lost) and hands one to Eve by its serial; anyone checking that pack is told it was handed out, an unnumbered serial is possibly counterfeit', async () => {
    check(stockPages !== null, 'the medicine stock step did not reach its handover');
    const { maker, pharmacist, prescription, orsGtin } = stockPages;
    const chain = await api();
    const makerPanel = '[data-stock-org="4"]';
    const pharmacy = '[data-stock-org="3"]';
    const held = async (lot, org) => (await chain.query.drugProvenance.holdings(lot, org)).toNumber();
    const shipments = async () => (await chain.query.drugProvenance.nextShipmentId()).toNumber();
    const serialOf = (raw) => raw.toUtf8();

    // The batch: four packs, each with its own serial.
    const make = `${makerPanel} [data-action-form="commission"]`;
    await maker.selectOption(`${make} select[name=lot-product]`, orsGtin);
    await maker.fill(`${make} input[name=lot-number]`, 'ORS-2026-S01');
    await maker.fill(`${make} input[name=lot-made]`, '2026-11-01');
    await maker.fill(`${make} input[name=lot-expires]`, '2028-11-01');
    await maker.fill(`${make} input[name=lot-packs]`, '4');
    await maker.check(`${make} input[name=lot-serialised]`);
    await maker.click(`${make} button[type=submit]`);
    await maker.waitForSelector(`${makerPanel} .stock-notice [data-commissioned] >> text=Number its packs`, { timeout: CHAIN_WAIT });
    const lot = await maker.getAttribute(`${makerPanel} .stock-notice [data-commissioned]`, 'data-commissioned');
    const made = (await chain.query.drugProvenance.lots(lot)).unwrap();
    check(made.serialised.isTrue && made.quantity.toNumber() === 4 && made.commissioned.toNumber() === 0 && (await held(lot, 4)) === 0, 'the serialised batch is not on chain as made');

    // Numbering: a bad first serial and five serials for four packs are refused first.
    const numbering = `${makerPanel} [data-action-form="number-packs"]`;
    await maker.waitForSelector(`${numbering} select[name=serial-lot] option[value="${lot}"]`, { state: 'attached', timeout: CHAIN_WAIT });
    await maker.selectOption(`${numbering} select[name=serial-lot]`, lot);
    await maker.fill(`${numbering} input[name=serial-first]`, 'ORS 01');
    await maker.fill(`${numbering} input[name=serial-count]`, '5');
    await maker.click(`${numbering} [data-action="fill-serials"]`);
    await maker.waitForSelector(`${numbering} .note.error >> text=GS1 does not allow`, { timeout: CHAIN_WAIT });
    await maker.fill(`${numbering} input[name=serial-first]`, 'ORS-01');
    await maker.click(`${numbering} [data-action="fill-serials"]`);
    check((await maker.inputValue(`${numbering} textarea[name=serial-list]`)) === 'ORS-01\nORS-02\nORS-03\nORS-04\nORS-05', 'the serials are not counted up from the first');
    const uncounted = async () => (await chain.query.drugProvenance.lots(lot)).unwrap().commissioned.toNumber() === 0;
    await refusedIn(maker, numbering, 'More packs than the batch was made with', uncounted);
    await maker.fill(`${numbering} input[name=serial-count]`, '4');
    await maker.click(`${numbering} [data-action="fill-serials"]`);
    await maker.click(`${numbering} button[type=submit]`);
    await maker.waitForSelector(`${makerPanel} .stock-notice [data-numbered="${lot}"][data-count="4"]`, { timeout: CHAIN_WAIT });
    const line = `${makerPanel} [data-lot="${lot}"][data-held="4"]`;
    await maker.waitForSelector(line, { timeout: CHAIN_WAIT });
    check((await maker.getAttribute(`${line} [data-serials]`, 'data-serials')) === 'ORS-01 ORS-02 ORS-03 ORS-04', 'the packs held are not listed by serial');
    check((await held(lot, 4)) === 4 && (await chain.query.drugProvenance.packs(lot, 'ORS-04')).isSome, 'the numbered packs are not on chain');
    await screenshot(maker, 'stock-serials');

    // Shipping three packs by serial to the township pharmacy: an unknown serial refused first.
    const ship = `${makerPanel} [data-form="ship"]`;
    await maker.selectOption(`${ship} select[name=ship-lot]`, lot);
    await maker.selectOption(`${ship} select[name=ship-to]`, '3');
    check(await maker.isHidden(`${ship} input[name=ship-packs]`), 'a serialised batch is shipped by a number of packs');
    const shipsBefore = await shipments();
    await maker.fill(`${ship} textarea[name=ship-serials]`, 'ORS-09');
    await refusedIn(maker, `${ship} form`, 'No pack of this batch has that serial number', async () => (await shipments()) === shipsBefore);
    await maker.fill(`${ship} textarea[name=ship-serials]`, '');
    for (const serial of ['ORS-01', 'ORS-02', 'ORS-03']) await maker.check(`${ship} [data-serial-ticks="ship-serials"] input[data-serial="${serial}"]`);
    check((await maker.inputValue(`${ship} textarea[name=ship-serials]`)) === 'ORS-01\nORS-02\nORS-03', 'ticking packs does not list their serials');
    await maker.click(`${ship} button[type=submit]`);
    await maker.waitForSelector(`${makerPanel} .stock-notice [data-shipment="${shipsBefore}"]`, { timeout: CHAIN_WAIT });
    const shipped = (await chain.query.drugProvenance.shipments(shipsBefore)).unwrap();
    check(shipped.serials.map(serialOf).join(' ') === 'ORS-01 ORS-02 ORS-03' && (await held(lot, 4)) === 1, 'the shipment is not the three packs by serial');

    // The pharmacy: ORS-02 did not arrive. (Its stock list, read before, is read again on receipt.)
    await pharmacist.fill(`${pharmacy} input[name=shipment-number]`, String(shipsBefore));
    await pharmacist.click(`${pharmacy} [data-form="receive"] form button[type=submit]`);
    const card = `${pharmacy} [data-shipment-view="${shipsBefore}"]`;
    await pharmacist.waitForSelector(`${card} [data-arrived] input[value="ORS-02"]`, { timeout: CHAIN_WAIT });
    await pharmacist.uncheck(`${card} [data-arrived] input[value="ORS-02"]`);
    await screenshot(pharmacist, 'stock-receive-serials');
    await pharmacist.click(`${card} button[type=submit]`);
    await pharmacist.waitForSelector(`${pharmacy} .stock-notice [data-received="${shipsBefore}"]`, { timeout: CHAIN_WAIT });
    const receipt = (await chain.query.drugProvenance.shipments(shipsBefore)).unwrap().status.asReceived;
    check(receipt.received.toNumber() === 2 && receipt.missing.toNumber() === 1, `the receipt is not two arrived, one missing: ${receipt.toString()}`);
    check((await chain.query.drugProvenance.packs(lot, 'ORS-02')).unwrap().custody.isLost, 'the missing pack is not recorded lost');
    await pharmacist.waitForSelector(`${pharmacy} [data-lot="${lot}"][data-held="2"]`, { timeout: CHAIN_WAIT });

    // Handed to Eve by its serial, for her prescription.
    const handover = `${pharmacy} [data-action-form="handover"]`;
    const dispensedBefore = (await chain.query.drugProvenance.nextDispensationId()).toNumber();
    await pharmacist.selectOption(`${handover} select[name=handover-lot]`, lot);
    await pharmacist.fill(`${handover} input[name=handover-patient]`, await eveAddress());
    await pharmacist.fill(`${handover} input[name=handover-prescription]`, prescription);
    await pharmacist.fill(`${handover} input[name=handover-dosage]`, 'One sachet in 200 ml of water after each loose stool');
    await pharmacist.check(`${handover} [data-serial-ticks="handover-serials"] input[data-serial="ORS-03"]`);
    await pharmacist.click(`${handover} button[type=submit]`);
    await pharmacist.waitForSelector(`${pharmacy} .stock-notice [data-handed-over="${dispensedBefore}"]`, { timeout: 3 * CHAIN_WAIT });
    const given = (await chain.query.drugProvenance.dispensations(dispensedBefore)).unwrap();
    check(given.quantity.toNumber() === 1 && given.serials.map(serialOf).join(' ') === 'ORS-03' && (await held(lot, 3)) === 1, 'the handover is not pack ORS-03');
    check((await pharmacist.textContent(`${pharmacy} .stock-notice`)).includes('1 pack handed over to Eve'), 'the handover is not confirmed in words');

    // Anyone checking the packs: handed out, still genuine at the maker, never numbered.
    const code = (serial) => `(01)${orsGtin}(17)281101(10)ORS-2026-S01(21)${serial}`;
    const handedOut = await checkPackCode(checker, code('ORS-03'), '[data-verdict="AlreadyDecommissioned"]');
    check(handedOut.includes('already handed out'), `a handed-out pack is not explained: ${handedOut}`);
    await checkPackCode(checker, code('ORS-04'), '[data-verdict="Genuine"]');
    const never = await checkPackCode(checker, code('ORS-09'), '[data-verdict="Unknown"]');
    check(never.includes('possibly counterfeit'), `an unnumbered serial is not called possibly counterfeit: ${never}`);
    await screenshot(checker, 'check-serial');
  });

  await step('Chinese renders on every patient and clinician screen', async () => {
    await setLanguage(patient, 'zh-CN');
    await patient.click('a.tab[href="#/records"]');
    await patient.waitForSelector(`[data-record="${latestId ?? recordId}"] dl.lines`, { timeout: CHAIN_WAIT });
    await patient.waitForSelector(`[data-record="${kindIds.vitals}"] dl.lines`, { timeout: CHAIN_WAIT });
    const text = await patient.textContent('main');
    check(text.includes('血压') && text.includes('每天 3 次') && text.includes('粒'), `Chinese vital signs / prescription missing: ${text.slice(0, 300)}`);
    check(text.includes('我的病历') && text.includes('就诊') && text.includes('记录人'), `Chinese records page incomplete: ${text.slice(0, 200)}`);
    await screenshot(patient, 'my-records-zh');
    await patient.click('a.tab[href="#/access"]');
    await patient.waitForSelector('.grants li.grant');
    check((await patient.textContent('main')).includes('谁能查看我的病历'), 'Chinese access page missing');
    await screenshot(patient, 'who-may-see-zh');
    await setLanguage(doctor, 'zh-CN');
    await doctor.click('a[href="#/write"]');
    // The form is drawn once the screen has read the doctor's organisations from the chain.
    await doctor.waitForSelector('main form >> text=主诉', { timeout: CHAIN_WAIT });
    await screenshot(doctor, 'write-zh');
  });

  await step('Eve erases the photo (after a clear confirmation): erased on chain and in the vault, shown erased to Eve and Charlie', async () => {
    await setLanguage(patient, 'en');
    const card = `[data-record="${kindIds.photo}"]`;
    await patient.click('a.tab[href="#/records"]');
    await patient.waitForSelector(`${card} img[data-attachment="image"]`, { timeout: CHAIN_WAIT });
    await patient.click(`${card} .erase button`);
    const question = await patient.textContent(`${card} .confirm`);
    check(question.includes(`Erase record ${kindIds.photo} for good?`) && question.includes('cannot be undone'), `unclear confirmation: ${question}`);
    await screenshot(patient, 'erase-confirm');
    await patient.click(`${card} [data-confirm-erase]`);
    await patient.waitForFunction((id) => document.querySelector('.toast .note.error') !== null || (document.querySelector('.toast')?.textContent ?? '').includes(`Record ${id} is erased.`), kindIds.photo, { timeout: CHAIN_WAIT });
    const erasedToast = await patient.textContent('.toast');
    check(erasedToast.includes(`Record ${kindIds.photo} is erased.`), `the erase failed: ${erasedToast}`);
    await patient.waitForSelector(`${card} [data-flag="erased"]`);
    check(await patient.$(`${card} img`) === null && await patient.$(`${card} dl.lines`) === null, 'an erased record still shows its content');
    const erasure = (await (await api()).call.patientRecordsApi.erasure(kindIds.photo)).toJSON();
    check(erasure !== null, 'the chain has no erasure');
    // The vault deleted the blob: asked again (signed by Eve), it answers that it was gone already.
    const anchor = (await (await api()).call.patientRecordsApi.record(kindIds.photo)).toJSON();
    const evePair = new Keyring({ type: 'sr25519' }).addFromUri('//Eve');
    const again = await new VaultClient(appUrl).erase(keypairSigner(evePair), anchor.contentHash, BigInt(kindIds.photo));
    check(again.deleted === false, 'the vault still held the erased record\'s ciphertext');
    await doctor.click('a.tab[href="#/patient"]');
    await doctor.waitForSelector('#patient-title');
    await openRecordsAs(doctor, 'Treatment');
    await doctor.waitForSelector(`${card} [data-flag="erased"]`, { timeout: CHAIN_WAIT });
    check(await doctor.$(`${card} img`) === null, 'the doctor still sees an erased record');
  }, { v3: true });

  await step('a patient whose key is in a wallet extension: encryption seed shown once, key published, access given and a record read, all signed by the wallet', async () => {
    const chain = await api();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const walletPair = keyring.addFromUri(mnemonicGenerate(12));
    const alice = keyring.addFromUri('//Alice');
    await sendFinalized(chain, chain.tx.balances.transferKeepAlive(walletPair.address, 10n ** 15n), alice);
    // The wallet: the injected API of polkadot{.js} (window.injectedWeb3), whose signing is done
    // here in Node with the account's key pair, as the extension does in its own process.
    const walletContext = await browser.newContext({ viewport: PHONE, locale: 'en-US', deviceScaleFactor: 1 });
    const signed = { payloads: 0, raw: 0 };
    await walletContext.exposeFunction('__walletSignPayload', async (payload) => {
      signed.payloads += 1;
      const { signature } = chain.registry.createType('ExtrinsicPayload', payload, { version: payload.version }).sign(walletPair);
      return { id: signed.payloads, signature };
    });
    await walletContext.exposeFunction('__walletSignRaw', async ({ data }) => {
      signed.raw += 1;
      return { id: 1000 + signed.raw, signature: u8aToHex(walletPair.sign(u8aWrapBytes(data))) };
    });
    // The wallet shows its account in Polkadot's format (prefix 0): the app must name it in the
    // chain's generic format (prefix 42), as everything on chain does.
    await walletContext.addInitScript((address) => {
      window.injectedWeb3 = { 'polkadot-js': { version: 'test', enable: async () => ({
        accounts: { get: async () => [{ address, name: 'Wallet patient', type: 'sr25519' }] },
        signer: { signPayload: (p) => window.__walletSignPayload(p), signRaw: (r) => window.__walletSignRaw(r) },
      }) } };
    }, encodeAddress(walletPair.publicKey, 0));
    const wallet = await walletContext.newPage();
    openPages.push(wallet);
    wallet.on('pageerror', (e) => { pageErrors.push(e.message); });
    wallet.on('dialog', (d) => { void d.accept(); });
    await wallet.goto(`${appUrl}/`);
    await wallet.click('[data-wallet="use"]');
    await wallet.click(`[data-wallet-account="${walletPair.address}"]`);
    const words = await wallet.$$eval('[data-testid="seed-words"] li', (lis) => lis.map((li) => li.textContent));
    check(words.length === 24, `expected 24 seed words, got ${words.length}`);
    await screenshot(wallet, 'wallet-seed');
    await wallet.check('#confirm-seed-words');
    await wallet.fill('input[name="new-pin"]', '135790');
    await wallet.fill('input[name="repeat-pin"]', '135790');
    await wallet.click('button[type="submit"]');
    await wallet.waitForSelector('nav.menu a.tab', { timeout: CHAIN_WAIT });
    // Not a patient yet: "Get started", and registering signed by the wallet.
    await wallet.waitForSelector('[data-register-self]');
    await screenshot(wallet, 'get-started');
    await wallet.click('[data-register-self]');
    await wallet.waitForSelector('#records-title', { timeout: CHAIN_WAIT });
    check((await chain.call.patientRecordsApi.patient(walletPair.address)).isSome, 'the wallet account is not a registered patient');
    const published = (await chain.query.registry.encryptionKeys(walletPair.address)).toJSON();
    check(published !== null && published.version === 0, `the wallet account's key is not on chain: ${JSON.stringify(published)}`);
    check(signed.payloads >= 1, 'the key was not published through the wallet');
    const stored = await wallet.evaluate((a) => localStorage.getItem(`ruralmed.encryption-seed.v1.${a}`), walletPair.address);
    // Sealed under the PIN: the PinSealed fields, and neither the words nor the seed's bytes in
    // any form. (Not "no seed word anywhere": "salt" is a backup word and a field name.)
    const sealed = stored === null ? null : JSON.parse(stored);
    const entropy = mnemonicToEntropy(words.join(' '));
    const ciphertext = sealed === null ? new Uint8Array() : Buffer.from(sealed.ciphertext, 'base64');
    check(sealed !== null && Object.keys(sealed).sort().join() === 'ciphertext,iterations,iv,salt', `the seed is not kept sealed: ${stored}`);
    check(!stored.includes(words.join(' ')) && !stored.includes(u8aToHex(entropy).slice(2)) && !stored.includes(Buffer.from(entropy).toString('base64'))
      && !Buffer.from(ciphertext).includes(Buffer.from(entropy)), 'the seed is not kept encrypted');

    // Give the Hekou clinic access (signed by the wallet); Charlie writes; the patient reads.
    await wallet.click('a.tab[href="#/access"]');
    await wallet.waitForSelector('select[name=org]', { timeout: CHAIN_WAIT });
    await wallet.selectOption('select[name=kind]', 'organisation');
    await wallet.selectOption('select[name=org]', '1');
    await wallet.check('#grant-write');
    await wallet.getByRole('button', { name: 'Give access' }).click();
    await wallet.waitForSelector('.toast .note.ok >> text=Access given.', { timeout: CHAIN_WAIT });
    // The vault decides at the finalized block: wait until the grant is final before writing.
    const grantedAt = (await chain.rpc.chain.getHeader()).number.toNumber();
    while ((await chain.rpc.chain.getHeader(await chain.rpc.chain.getFinalizedHead())).number.toNumber() < grantedAt) {
      await new Promise((resolve) => { setTimeout(resolve, 1000); });
    }
    const charlie = keyring.addFromUri('//Charlie');
    const written = await writeRecord(chain, new VaultClient(appUrl), charlie, {
      patient: walletPair.address, org: 1, category: 'Encounter', vaultOrg: 0,
      resource: { resourceType: 'Encounter', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' }, reasonCode: [{ text: 'Headache after the flood' }] },
    });
    const rawBefore = signed.raw;
    await wallet.click('a.tab[href="#/records"]');
    await wallet.waitForSelector(`[data-record="${written.recordId}"] dl.lines`, { timeout: CHAIN_WAIT });
    check((await wallet.textContent(`[data-record="${written.recordId}"]`)).includes('Headache after the flood'), 'the wallet patient cannot read the record');
    check(signed.raw > rawBefore, 'the vault read was not signed by the wallet');

    // Next visit: the PIN of the seed on this phone; a wrong one changes nothing.
    await wallet.reload();
    await wallet.click('[data-wallet="use"]');
    await wallet.click(`[data-wallet-account="${walletPair.address}"]`);
    await wallet.fill('input[name="wallet-pin"]', '000000');
    await wallet.click('button[type="submit"]');
    await wallet.waitForSelector('.message .note.error');
    check((await wallet.textContent('.message')).includes('Wrong PIN'), 'a wrong PIN is not reported');
    await wallet.fill('input[name="wallet-pin"]', '135790');
    await wallet.click('button[type="submit"]');
    await wallet.waitForSelector(`[data-record="${written.recordId}"] dl.lines`, { timeout: CHAIN_WAIT });
    console.log(`  wallet signatures: ${signed.payloads} extrinsics, ${signed.raw} vault requests`);

    // Charlie registers a grandmother without a phone, with the wallet patient as her guardian.
    await doctor.click('a.tab[href="#/patient"]');
    await doctor.waitForSelector('#register-title');
    await doctor.click('[data-new-ward]');
    const wardWords = await doctor.$$eval('[data-testid="ward-words"] li', (lis) => lis.map((li) => li.textContent));
    check(wardWords.length === 12, 'no backup words for the new patient account');
    const ward = await doctor.inputValue('input[name="ward"]');
    check(ward === keyring.addFromUri(wardWords.join(' ')).address, 'the new account is not the one of the words shown');
    await doctor.fill('input[name="guardian"]', 'not an address');
    await doctor.click('form:has(#register-title) button[type="submit"]');
    await doctor.waitForSelector('form:has(#register-title) .note.error');
    check((await chain.query.patientRecords.guardianshipProposals(ward)).isNone, 'a bad guardian address proposed something');
    await doctor.fill('input[name="guardian"]', walletPair.address);
    await screenshot(doctor, 'register-with-guardian');
    await doctor.click('form:has(#register-title) button[type="submit"]');
    await doctor.waitForSelector(`[data-proposed="${ward}"]`, { timeout: CHAIN_WAIT });
    check((await chain.call.patientRecordsApi.patient(ward)).isNone, 'registered before the guardian accepted');
    await wallet.click('a.tab[href="#/join"]');
    await wallet.fill('input[name="ward"]', ward);
    await wallet.click('form:has(#join-care-title) button[type="submit"]');
    await wallet.waitForSelector(`[data-accept-guardianship="${ward}"]`);
    check((await wallet.textContent(`[data-proposal="${ward}"]`)).includes('Charlie'), 'the proposal does not say who asked');
    await screenshot(wallet, 'accept-guardianship');
    await wallet.click(`[data-accept-guardianship="${ward}"]`);
    // An <option> is never "visible" to Playwright: attached is what the select offers.
    await wallet.waitForSelector(`#acting-for option[value="${ward}"]`, { state: 'attached', timeout: CHAIN_WAIT });
    const registered = (await chain.call.patientRecordsApi.patient(ward)).toJSON();
    check(registered?.guardian === walletPair.address, `the ward is not registered with the wallet patient as guardian: ${JSON.stringify(registered)}`);
    await walletContext.close();
  }, { inPart: 2 });

  await step('a patient with no tokens: Charlie enrols her by the number her phone shows (a bad number and his own refused first); she publishes her key, gives Hekou access and stops it, all free; her balance stays 0', async () => {
    const chain = await api();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const phone = await person('en-US');
    const address = await newDeviceAccount(phone, '135790');
    const balance = async () => { const { data } = (await chain.query.system.account(address)).toJSON(); return BigInt(data.free) + BigInt(data.reserved); };
    check(await balance() === 0n, 'the new account holds tokens');
    check((await chain.query.registry.encryptionKeys(address)).isNone, 'a key was published (and paid for) before enrolment');
    await screenshot(phone, 'enrol-show-number');
    // Not enrolled yet: said so, nothing sent.
    await phone.click('[data-check-enrolled]');
    await phone.waitForSelector('.message .note.error >> text=Not enrolled yet');
    // Charlie enrols her; a bad number and his own account are refused first, nothing registered.
    // (His page is still in Chinese from the step that checked it.)
    await setLanguage(doctor, 'en');
    await doctor.click('a.tab[href="#/patient"]');
    await doctor.waitForSelector('#enrol-title');
    await doctor.fill('input[name="enrol-patient"]', 'not an address');
    await doctor.click('form:has(#enrol-title) button[type="submit"]');
    await doctor.waitForSelector('form:has(#enrol-title) .note.error');
    await doctor.fill('input[name="enrol-patient"]', keyring.addFromUri('//Charlie').address);
    await doctor.click('form:has(#enrol-title) button[type="submit"]');
    await doctor.waitForSelector('form:has(#enrol-title) .note.error >> text=You cannot enrol your own account', { timeout: CHAIN_WAIT });
    check((await chain.call.patientRecordsApi.patient(address)).isNone, 'a refused enrolment registered the patient');
    await doctor.fill('input[name="enrol-patient"]', address);
    await screenshot(doctor, 'enrol-patient');
    await doctor.click('form:has(#enrol-title) button[type="submit"]');
    await doctor.waitForSelector(`[data-enrolled="${address}"]`, { timeout: CHAIN_WAIT });
    // On her phone: enrolled; her key goes on the chain, free.
    await phone.click('[data-check-enrolled]');
    await phone.waitForSelector('.toast .note.ok >> text=You are enrolled', { timeout: CHAIN_WAIT });
    check((await chain.query.registry.encryptionKeys(address)).isSome, 'her key is not on the chain');
    await phone.click('a.tab[href="#/access"]');
    await phone.waitForSelector('[data-free-actions="1"]', { timeout: CHAIN_WAIT });
    await phone.selectOption('select[name=kind]', 'organisation');
    await phone.selectOption('select[name=purpose]', 'Treatment');
    await phone.getByRole('button', { name: 'Give access' }).click();
    await phone.waitForSelector('.toast .note.ok >> text=Access given.', { timeout: CHAIN_WAIT });
    await phone.waitForSelector('.grants li.grant', { timeout: CHAIN_WAIT });
    await phone.waitForSelector('[data-free-actions="2"]', { timeout: CHAIN_WAIT });
    await screenshot(phone, 'free-actions');
    await phone.click('.grants li.grant button');
    await phone.waitForFunction(() => document.querySelectorAll('.grants li.grant').length === 0, null, { timeout: CHAIN_WAIT });
    await phone.waitForSelector('[data-free-actions="3"]', { timeout: CHAIN_WAIT });
    check(await balance() === 0n, 'the patient paid for something');
    const used = (await chain.query.patientRecords.freeCallsUsed(address)).toJSON();
    check(used?.used === 3, `free calls counted: ${JSON.stringify(used)}`);
    await phone.context().close();
  }, { inPart: 2 });

  await step('staff: Charlie makes a nurse his staff for 7 days (a bad number refused first); she enrols a patient for him with her own account; he removes her in one tap and her next try is refused in words', async () => {
    const chain = await api();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const charlie = keyring.addFromUri('//Charlie').address;
    const staffOfCharlie = async () => (await chain.query.proxy.proxies(charlie)).toJSON()[0].map((p) => p.delegate);
    const nursePage = await person('en-US');
    const nurse = await newDeviceAccount(nursePage, '246802');
    // She pays the fees of what she signs: Alice pays her wages.
    await sendInBlock(chain, chain.tx.balances.transferKeepAlive(nurse, 10n ** 13n), keyring.addFromUri('//Alice'));
    await setLanguage(doctor, 'en');
    await doctor.click('a.tab[href="#/patient"]');
    await doctor.waitForSelector('#staff-title');
    await doctor.fill('input[name="staff"]', 'not an address');
    await doctor.click('form:has(#staff-title) button[type="submit"]');
    await doctor.waitForSelector('form:has(#staff-title) .note.error');
    check(!(await staffOfCharlie()).includes(nurse), 'a bad address was added');
    await doctor.fill('input[name="staff"]', nurse);
    await doctor.fill('input[name="staff-days"]', '0');
    await doctor.click('form:has(#staff-title) button[type="submit"]');
    await doctor.waitForSelector('form:has(#staff-title) .note.error >> text=whole number of days');
    check(!(await staffOfCharlie()).includes(nurse), 'zero days added a proxy');
    await doctor.fill('input[name="staff-days"]', '7');
    await doctor.click('form:has(#staff-title) button[type="submit"]');
    await doctor.waitForSelector(`[data-staff="${nurse}"]`, { timeout: CHAIN_WAIT });
    check((await staffOfCharlie()).includes(nurse), 'the nurse is not on chain as Charlie\'s staff');
    await screenshot(doctor, 'my-staff');
    // On her phone: she works for Charlie, and enrols a patient for him.
    await nursePage.click('a.tab[href="#/join"]');
    const job = `[data-employer="${charlie}"]`;
    await nursePage.waitForSelector(job, { timeout: CHAIN_WAIT });
    const patient = keyring.addFromUri(mnemonicGenerate(12)).address;
    await nursePage.fill(`${job} input[name="staff-enrol-patient"]`, patient);
    await nursePage.click(`${job} button[type="submit"]`);
    await nursePage.waitForSelector(`${job} [data-enrolled="${patient}"]`, { timeout: CHAIN_WAIT });
    await screenshot(nursePage, 'staff-enrols');
    const registered = (await chain.query.patientRecords.patients(patient)).toJSON();
    check(registered?.depositor === charlie, `the patient's deposit is not Charlie's: ${JSON.stringify(registered)}`);
    // Charlie removes her in one tap; her next try is refused, nothing registered.
    await doctor.click(`[data-remove-staff="${nurse}"]`);
    await doctor.waitForFunction((n) => document.querySelector(`[data-staff="${n}"]`) === null, nurse, { timeout: CHAIN_WAIT });
    check(!(await staffOfCharlie()).includes(nurse), 'the nurse is still Charlie\'s staff on chain');
    const other = keyring.addFromUri(mnemonicGenerate(12)).address;
    await nursePage.fill(`${job} input[name="staff-enrol-patient"]`, other);
    await nursePage.click(`${job} button[type="submit"]`);
    await nursePage.waitForSelector(`${job} .note.error >> text=You no longer act for this account`, { timeout: CHAIN_WAIT });
    check((await chain.query.patientRecords.patients(other)).isNone, 'a removed nurse enrolled a patient');
    await nursePage.context().close();
  }, { inPart: 2 });

  await step('a patient who loses her phone: she names Charlie (who takes over) and Bob as recovery friends, free (a bad group refused first); Bob starts without cause and she stops it, burning his deposit; phone lost, Charlie starts, Bob agrees, the wait passes (not before), Charlie gives the account to her new phone and renews the record key; the new phone opens her record and stops the access the old phone gave, all free', async () => {
    const chain = await api();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const charlie = keyring.addFromUri('//Charlie').address;
    const bob = keyring.addFromUri('//Bob').address;
    const held = async (who) => { const { data } = (await chain.query.system.account(who)).toJSON(); return BigInt(data.free) + BigInt(data.reserved); };
    const head = async () => (await chain.rpc.chain.getHeader()).number.toNumber();
    // Her first phone: a new account, enrolled by Charlie; she lets Hekou write, and Charlie writes a visit.
    let phone = await person('en-US');
    const lost = await newDeviceAccount(phone, '975310');
    await setLanguage(doctor, 'en');
    await doctor.click('a.tab[href="#/patient"]');
    await doctor.waitForSelector('#enrol-title');
    await doctor.fill('input[name="enrol-patient"]', lost);
    await doctor.click('form:has(#enrol-title) button[type="submit"]');
    await doctor.waitForSelector(`[data-enrolled="${lost}"]`, { timeout: CHAIN_WAIT });
    await phone.click('[data-check-enrolled]');
    await phone.waitForSelector('.toast .note.ok >> text=You are enrolled', { timeout: CHAIN_WAIT });
    await phone.click('a.tab[href="#/access"]');
    await phone.waitForSelector('[data-free-actions]', { timeout: CHAIN_WAIT });
    await phone.selectOption('select[name=kind]', 'organisation');
    await phone.selectOption('select[name=org]', '1'); // Hekou
    await phone.selectOption('select[name=purpose]', 'Treatment');
    await phone.check('#grant-write');
    await phone.getByRole('button', { name: 'Give access' }).click();
    await phone.waitForSelector('.toast .note.ok >> text=Access given.', { timeout: CHAIN_WAIT });
    // The vault checks a writer against finalized state.
    const given = await head();
    while ((await chain.rpc.chain.getHeader(await chain.rpc.chain.getFinalizedHead())).number.toNumber() < given) await new Promise((r) => setTimeout(r, 2000));
    await doctor.click('a.tab[href="#/patient"]');
    await doctor.fill('input[name="patient"]', lost);
    await doctor.click('form:has(input[name="patient"]) button[type="submit"]');
    // The screen first shows the patient found before (Eve): wait for this one.
    await doctor.waitForSelector(`[data-patient="${lost}"] #patient-title`);
    await doctor.click(`[data-patient="${lost}"] a[href="#/write"]`);
    await doctor.waitForSelector('#write-title');
    await doctor.fill('textarea[name=complaint]', 'Knee pain after a fall');
    await doctor.fill('textarea[name=findings]', 'Swollen left knee, walks');
    await doctor.fill('input[name=icd10]', 'S80.0');
    await doctor.fill('input[name=diagnosis]', 'Contusion of knee');
    await doctor.fill('textarea[name=plan]', 'Rest, cold packs; come back in a week');
    await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
    await doctor.waitForSelector('[data-saved-record]', { timeout: CHAIN_WAIT });
    const record = await doctor.getAttribute('[data-saved-record]', 'data-saved-record');

    // She names her friends: a group naming herself is refused first, nothing sent.
    await phone.click('a.tab[href="#/recovery"]');
    await phone.waitForSelector('#friends-title');
    await phone.waitForSelector('[data-friends-none]', { timeout: CHAIN_WAIT });
    await phone.fill('input[name="friend-1"]', charlie);
    await phone.fill('input[name="friend-2"]', lost);
    await phone.selectOption('select[name="recovery-delay"]', { label: 'One minute (test county only)' });
    await phone.click('form:has(#friends-title) button[type="submit"]');
    await phone.waitForSelector('form:has(#friends-title) .note.error >> text=not yourself');
    check((await chain.query.recovery.friendGroups(lost)).isNone, 'a refused group was saved');
    await phone.fill('input[name="friend-2"]', bob);
    await phone.selectOption('select[name="friends-needed"]', '2');
    await phone.selectOption('select[name="inheritor"]', '1');
    await phone.click('form:has(#friends-title) button[type="submit"]');
    await phone.waitForSelector('[data-friends-named]', { timeout: CHAIN_WAIT });
    await phone.waitForSelector(`[data-friend-group][data-friends*="${charlie}"]`, { timeout: CHAIN_WAIT });
    await screenshot(phone, 'recovery-friends');
    check(await held(lost) === 0n, 'naming friends cost the patient something');
    // Bob starts a recovery without cause while she still has her phone: she sees it and stops
    // it, free for her. Bob holds the security deposit and the attempt's storage deposit;
    // slashing burns the first and gives the second back.
    const reserved = async (who) => BigInt((await chain.query.system.account(who)).toJSON().data.reserved);
    const securityDeposit = BigInt(chain.consts.recovery.securityDeposit.toString());
    const bobReserved = await reserved(bob);
    await sendInBlock(chain, chain.tx.recovery.initiateAttempt(lost, 0), keyring.addFromUri('//Bob'));
    check(await reserved(bob) - bobReserved >= securityDeposit, 'starting a recovery held no deposit');
    const bobHeld = await held(bob);
    await phone.click('a.tab[href="#/recovery"]');
    await phone.waitForSelector('[data-attempt="0"]', { timeout: CHAIN_WAIT });
    await screenshot(phone, 'recovery-attempt-on-me');
    await phone.click('[data-slash-attempt="0"]');
    await phone.waitForSelector('form:has(#friends-title) .note.ok >> text=their deposit burnt', { timeout: CHAIN_WAIT });
    await phone.waitForFunction(() => document.querySelector('[data-attempt]') === null, null, { timeout: CHAIN_WAIT });
    check((await chain.query.recovery.attempt(lost, 0)).isNone, 'the slashed attempt is still open');
    check(await held(bob) === bobHeld - securityDeposit, `Bob's deposit was not burnt: ${bobHeld} -> ${await held(bob)}, security deposit ${securityDeposit}`);
    check(await reserved(bob) === bobReserved, `Bob still holds a deposit for the attempt: ${bobReserved} -> ${await reserved(bob)}`);
    check(await held(lost) === 0n, 'stopping the attempt cost the patient something');
    // The phone is lost.
    await phone.context().close();

    // Charlie starts; Bob agrees; finishing before the wait is refused in words.
    await doctor.click('a.tab[href="#/recovery"]');
    await doctor.waitForSelector('#help-title');
    await doctor.fill('input[name="lost-account"]', lost);
    await doctor.click('form:has(#help-title) button[type="submit"]');
    await doctor.click('[data-recovery-start="0"]');
    await doctor.waitForSelector('[data-recovery-group="0"][data-agreed="1"]', { timeout: CHAIN_WAIT });
    const county = await person('en-US');
    await signInDemo(county, 'Bob');
    await county.click('a.tab[href="#/recovery"]');
    await county.fill('input[name="lost-account"]', lost);
    await county.click('form:has(#help-title) button[type="submit"]');
    await county.click('[data-recovery-agree="0"]');
    await county.waitForSelector('[data-recovery-group="0"][data-agreed="2"]', { timeout: CHAIN_WAIT });
    await screenshot(county, 'recovery-agree');
    await county.context().close();
    const attempt = (await chain.query.recovery.attempt(lost, 0)).toJSON();
    const readyAt = attempt[0].initBlock + 10;
    if ((await head()) < readyAt - 3) {
      await doctor.click('[data-recovery-finish="0"]');
      await doctor.waitForSelector('form:has(#help-title) .note.error >> text=The wait is not over yet', { timeout: CHAIN_WAIT });
      check((await chain.query.recovery.inheritor(lost)).isNone, 'finished before the wait');
    }
    while ((await head()) < readyAt) await new Promise((r) => setTimeout(r, 3000));
    await doctor.click('form:has(#help-title) button[type="submit"]');
    await doctor.click('[data-recovery-finish="0"]');
    await doctor.waitForSelector(`[data-recovered-by="${charlie}"]`, { timeout: CHAIN_WAIT });

    // Her new phone shows its number; before Charlie gives it the account it cannot use it.
    phone = await person('en-US');
    const newPhone = await newDeviceAccount(phone, '864200');
    await phone.click('a.tab[href="#/recovery"]');
    await phone.waitForSelector(`[data-my-number="${newPhone}"]`);
    await phone.fill('input[name="old-account"]', lost);
    await phone.click('form:has(#new-phone-title) button[type="submit"]');
    await phone.waitForSelector('[data-not-yet]', { timeout: CHAIN_WAIT });
    await doctor.fill('input[name="new-phone"]', newPhone);
    await doctor.click('[data-give-control]');
    await doctor.waitForSelector('[data-given]', { timeout: CHAIN_WAIT });
    await screenshot(doctor, 'recovery-give');
    await phone.click('form:has(#new-phone-title) button[type="submit"]');
    await phone.waitForSelector(`[data-using="${lost}"]`, { timeout: CHAIN_WAIT });
    // Her record does not open until Charlie renews its key for the new phone; then it does.
    await phone.click(`[data-open-recovered="${record}"]`);
    await phone.waitForSelector('form:has(#new-phone-title) .note.error >> text=cannot open this record yet', { timeout: CHAIN_WAIT });
    await doctor.click('[data-renew-keys]');
    await doctor.waitForSelector('[data-renewed="1"]', { timeout: CHAIN_WAIT });
    await phone.click(`[data-open-recovered="${record}"]`);
    await phone.waitForSelector(`[data-opened="${record}"] >> text=Knee pain after a fall`, { timeout: CHAIN_WAIT });
    // The access the old phone gave carried over: she stops it from the new phone.
    await phone.click('[data-stop-recovered-grant]');
    await phone.waitForSelector('.note.ok >> text=Access stopped.', { timeout: CHAIN_WAIT });
    await phone.waitForFunction(() => document.querySelector('[data-recovered-grant]') === null, null, { timeout: CHAIN_WAIT });
    await screenshot(phone, 'recovery-new-phone');
    const grants = (await chain.call.consentApi.grantsOf(lost)).toJSON();
    check(grants.length === 0, `the grant is still there: ${JSON.stringify(grants)}`);
    const log = (await chain.call.patientRecordsApi.accessLogOf(lost, 0, 100)).toJSON();
    check(log.some(([, e]) => e.reader === lost && String(e.record) === record), `the new phone's read is not in her trail: ${JSON.stringify(log)}`);
    check(await held(lost) > 0n && await held(newPhone) === BigInt(chain.consts.balances.existentialDeposit.toString()), 'the patient side paid for something');
    await phone.context().close();
  }, { inPart: 2 });

  await step('an offline clinic: Charlie loses the connection, writes three visits for Eve and Eve, offline too, lets the county hospital read; all is kept on the phones ("3 unsent"), nothing reaches the chain; Charlie\'s app is closed; back online, Eve\'s open app sends hers and Charlie\'s reopened app his, everything lands in order and Eve reads the visits', async () => {
    const chain = await api();
    const eve = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Eve').address;
    const recordCount = async () => BigInt((await chain.call.patientRecordsApi.patient(eve)).toJSON().recordCount);
    const grantCount = async () => (await chain.call.consentApi.grantsOf(eve)).toJSON().length;
    const [recordsBefore, grantsBefore] = [await recordCount(), await grantCount()];
    // Online: Charlie opens Eve and the write screen, Eve her "Who may see".
    await setLanguage(doctor, 'en');
    await openPatient(doctor, 'Eve');
    await doctor.click('a[href="#/write"]');
    await doctor.waitForSelector('#write-title');
    await patient.click('a.tab[href="#/access"]');
    await patient.waitForSelector('select[name=org] option', { state: 'attached', timeout: CHAIN_WAIT });
    // The connection drops (Chromium's offline emulation: the phones say they are offline).
    await doctor.context().setOffline(true);
    await patient.context().setOffline(true);
    await doctor.waitForSelector('[data-link="node"][data-state="down"]');
    await patient.waitForSelector('[data-link="vault"][data-state="down"]');
    const kept = [];
    for (const n of [1, 2, 3]) {
      await doctor.fill('textarea[name=complaint]', `Offline visit ${n}: fever`);
      await doctor.fill('textarea[name=findings]', 'Temperature 38.5 °C');
      await doctor.fill('input[name=icd10]', 'R50.9');
      await doctor.fill('input[name=diagnosis]', 'Fever');
      await doctor.fill('textarea[name=plan]', 'Fluids and rest');
      const old = kept.at(-1) ?? null;
      await doctor.getByRole('button', { name: 'Encrypt and save' }).click();
      await doctor.waitForFunction((o) => { const el = document.querySelector('[data-kept]'); return el !== null && el.dataset.kept !== o; }, old);
      kept.push(await doctor.getAttribute('[data-kept]', 'data-kept'));
    }
    check((await doctor.textContent('.message')).includes('3 unsent'), `kept message: ${await doctor.textContent('.message')}`);
    await doctor.waitForSelector('a.link.kept[data-waiting="3"]');
    await screenshot(doctor, 'offline-kept');
    // Eve gives the county hospital read access on her phone, offline.
    await patient.selectOption('select[name=kind]', 'organisation');
    await patient.selectOption('select[name=org]', '0');
    await patient.selectOption('select[name=purpose]', 'Treatment');
    await patient.getByRole('button', { name: 'Give access' }).click();
    await patient.waitForSelector('.toast .note.ok >> text=kept on this phone');
    await patient.click('a.link.kept');
    await patient.waitForSelector('#outbox-title ~ p[data-waiting="1"]');
    await doctor.click('a.link.kept');
    await doctor.waitForSelector('#outbox-title ~ p[data-waiting="3"]');
    check((await doctor.textContent('#outbox-title ~ p[data-waiting]')).includes('3 unsent'), 'the outbox does not say "3 unsent"');
    await screenshot(doctor, 'outbox-waiting');
    // Nothing can be deleted while waiting.
    check(await doctor.locator('[data-kept-item] [data-delete]').count() === 0, 'waiting work offers a delete button');
    check(await recordCount() === recordsBefore && await grantCount() === grantsBefore, 'something reached the chain while offline');
    // Charlie's app is closed while offline (its page and everything in its memory gone); the
    // kept work is on the phone (IndexedDB) only.
    await doctor.goto('about:blank');
    // Back online: Eve's phone, left open, sends by itself; Charlie opens the app again and
    // signs in, and his phone sends what it kept; each in the order the work was done.
    await doctor.context().setOffline(false);
    await patient.context().setOffline(false);
    await patient.waitForSelector('#outbox-title ~ p[data-waiting="0"]', { timeout: CHAIN_WAIT * 2 });
    await doctor.goto(`${appUrl}/`);
    await signInDemo(doctor, 'Charlie');
    await doctor.evaluate(() => { window.location.hash = '#/outbox'; });
    await doctor.waitForSelector('#outbox-title');
    await doctor.waitForFunction(() => document.querySelectorAll('[data-kept-item][data-state="sent"]').length === 3, null, { timeout: CHAIN_WAIT * 4 });
    await doctor.waitForSelector('#outbox-title ~ p[data-waiting="0"]');
    await screenshot(doctor, 'outbox-sent');
    const ids = [];
    for (const id of kept) ids.push(BigInt(await doctor.getAttribute(`[data-kept-item="${id}"]`, 'data-record-id')));
    check(ids[0] < ids[1] && ids[1] < ids[2], `records not anchored in order: ${ids.join(', ')}`);
    check(await recordCount() === recordsBefore + 3n, 'not three new records');
    check(await grantCount() === grantsBefore + 1, 'Eve\'s access was not given');
    // Eve reads the third visit.
    await patient.click('a.tab[href="#/records"]');
    await patient.getByRole('button', { name: 'Refresh' }).click();
    await patient.waitForSelector(`[data-record="${ids[2]}"] dl.lines`, { timeout: CHAIN_WAIT });
    check((await patient.textContent(`[data-record="${ids[2]}"]`)).includes('Offline visit 3'), 'Eve cannot read the visit written offline');
  }, { inPart: 2 });

  await step('anyone traces a donation: received by the warehouse, delivered short to Hekou, on its way elsewhere; wrong numbers are explained', async () => {
    const seeded = await emergencySeeded;
    check(!seeded.existing && seeded.allocations.length > 0, `the demo donation was not freshly allocated: ${JSON.stringify(seeded)}`);
    await checker.click('#check-title ~ button');
    await checker.click('[data-public="trace"]');
    await checker.waitForSelector('#trace-title');
    const traceNumber = async (text, selector) => {
      await checker.fill('input[name=donation]', text);
      await checker.click('form button[type=submit]');
      await checker.waitForSelector(selector, { timeout: CHAIN_WAIT });
      return checker.textContent('main');
    };
    check((await traceNumber('abc', '[data-problem="NotANumber"]')).includes('whole number'), 'a non-number is not explained');
    check((await traceNumber('999999', '[data-problem="NoSuchDonation"]')).includes('no donation number 999999'), 'an unknown donation is not explained');
    const shown = await traceNumber(String(seeded.donation), `[data-trace="${seeded.donation}"]`);
    for (const want of ['Anding county flood', 'MASK-N95', `${PLEDGED} pieces pledged`, `Anding County Medical Reserve received ${PLEDGED}`]) {
      check(shown.includes(want), `the trace lacks "${want}": ${shown}`);
    }
    let delivered = 0, inTransit = 0, allocated = 0;
    for (const a of seeded.allocations) {
      allocated += a.quantity;
      const row = `[data-allocation="${a.id}"]`;
      const status = await checker.getAttribute(row, 'data-status');
      const text = await checker.textContent(row);
      if (a.received === null) {
        inTransit += a.quantity;
        check(status === 'Dispatched' && text.includes('On its way'), `allocation ${a.id} is not shown on its way: ${status} ${text}`);
      } else {
        delivered += a.received;
        check(status === 'Delivered' && text.includes(`confirmed ${a.received}`) && text.includes(`${SHORT_BY} did not arrive`), `allocation ${a.id} is not shown delivered short: ${status} ${text}`);
      }
    }
    const total = async (key) => Number(await checker.textContent(`[data-total="${key}"] strong`));
    check(await total('delivered') === delivered && await total('inTransit') === inTransit && await total('unallocated') === PLEDGED - allocated,
      `totals ${await total('delivered')}/${await total('inTransit')}/${await total('unallocated')}, expected ${delivered}/${inTransit}/${PLEDGED - allocated}`);
    await screenshot(checker, 'trace-donation');
    await checker.context().close();
  });

  await step('emergency supplies in the app: a clinic files a need, a donor pledges, the warehouse confirms the arrival, the round is allocated with its reason, sent and confirmed short; the figures, the donor\'s trace and its own list of donations agree; bad figures are refused first', async () => {
    // The demo emergency's rounds are over once it is seeded: this step's need is in a later round.
    const seeded = await emergencySeeded;
    const chain = await api();
    const emergencyId = String(seeded.emergency ?? '');
    const [donor, clinic, keeper] = [await person(), await person(), await person()];
    await signInDemo(donor, 'Two'); // an organisation's admin: lands on the supplies screen
    await donor.waitForSelector(`[data-emergency-detail="${emergencyId}"] [data-form="pledge"]`, { timeout: CHAIN_WAIT });
    await screenshot(donor, 'supplies');

    // A pledge of 0 is refused before signing: no donation is made.
    const donationsBefore = (await chain.query.emergencySupply.nextDonationId()).toNumber();
    await donor.fill('input[name=pledge-quantity]', '0');
    await donor.click('[data-form="pledge"] button[type=submit]');
    await donor.waitForSelector('.pledge-result .note.error');
    check((await donor.textContent('.pledge-result')).includes('at least 1'), 'a pledge of 0 is not explained');
    check((await chain.query.emergencySupply.nextDonationId()).toNumber() === donationsBefore, 'a refused pledge made a donation');
    await donor.fill('input[name=pledge-quantity]', '20');
    await donor.selectOption('select[name=pledge-target]', 'anywhere');
    await donor.selectOption('select[name=pledge-warehouse]', String(seeded.warehouse));
    await donor.click('[data-form="pledge"] button[type=submit]');
    await donor.waitForSelector('.pledge-result [data-donation]', { timeout: CHAIN_WAIT });
    const donation = await donor.getAttribute('.pledge-result [data-donation]', 'data-donation');
    check(/^\d+$/.test(donation ?? ''), `no donation number: ${donation}`);
    await screenshot(donor, 'supplies-pledged');
    await donor.click('.pledge-result button');
    await donor.waitForSelector(`[data-trace="${donation}"]`, { timeout: CHAIN_WAIT });
    check((await donor.textContent('main')).includes('Not yet received by Anding County Medical Reserve'), 'the fresh pledge is not shown awaiting receipt');

    // The Hekou clinic (village doctor Charlie) files its need; a need its stock covers is refused first.
    await signInDemo(clinic, 'Charlie');
    await clinic.click('a.tab[href="#/supplies"]');
    await clinic.waitForSelector(`[data-emergency-detail="${emergencyId}"] [data-form="need"]`, { timeout: CHAIN_WAIT });
    await clinic.fill('input[name=need-requested]', '15');
    await clinic.fill('input[name=need-stock]', '15');
    await clinic.fill('input[name=need-people]', '30');
    await clinic.click('[data-form="need"] button[type=submit]');
    await clinic.waitForSelector('.need-result .note.error');
    check((await clinic.textContent('.need-result')).includes('already covers'), 'a need covered by stock is not explained');
    await clinic.fill('input[name=need-stock]', '3');
    await clinic.click('[data-form="need"] button[type=submit]');
    await clinic.waitForSelector('.toast .note.ok >> text=Need filed', { timeout: CHAIN_WAIT });
    const filedIn = Number(/round (\d+)/.exec(await clinic.textContent('.toast'))?.[1]) - 1;
    check(Number.isInteger(filedIn) && filedIn >= 0, `no round in the toast: ${await clinic.textContent('.toast')}`);
    const myRound = `section[data-round="${filedIn}"][data-round-item="MASK-N95"]`;
    await clinic.waitForSelector(`${myRound} [data-org="1"][data-outcome="NotAllocated"]`, { timeout: CHAIN_WAIT });

    // The county reserve (EveStash) confirms what arrived: a wrong number, too many, then 20.
    await signInDemo(keeper, 'EveStash');
    await keeper.waitForSelector('[data-work="warehouse"]', { timeout: CHAIN_WAIT });
    const lookUp = async (text, selector) => {
      await keeper.fill('input[name=arrival-donation]', text);
      await keeper.click('[data-work="warehouse"] form button[type=submit]');
      await keeper.waitForSelector(selector, { timeout: CHAIN_WAIT });
    };
    await lookUp('abc', '[data-work="warehouse"] [data-problem="NotANumber"]');
    await lookUp(donation, `[data-arrival="${donation}"] input[name=arrived]`);
    await keeper.fill('input[name=arrived]', '21');
    await keeper.click(`[data-arrival="${donation}"] button[type=submit]`);
    await keeper.waitForSelector(`[data-arrival="${donation}"] .note.error`);
    check((await keeper.textContent(`[data-arrival="${donation}"]`)).includes('More units than were pledged'), 'a receipt over the pledge is not explained');
    check((await chain.query.emergencySupply.donations(donation)).unwrap().receipt.isNone, 'a refused receipt was recorded');
    await keeper.fill('input[name=arrived]', '20');
    await keeper.click(`[data-arrival="${donation}"] button[type=submit]`);
    await keeper.waitForSelector(`[data-arrival="${donation}"][data-received="20"]`, { timeout: CHAIN_WAIT });

    // Once the round closes anyone signed in runs its allocation: the clinic lacked 12 and gets all 12.
    const deadline = Date.now() + 150_000;
    for (;;) {
      await donor.click('a.tab[href="#/supplies"]');
      await donor.waitForSelector(`[data-emergency-detail="${emergencyId}"] [data-round]`, { timeout: CHAIN_WAIT });
      if (await donor.$(`${myRound} [data-action="allocate"]`) !== null) break;
      check(Date.now() < deadline, 'the round never became ready to allocate');
      await donor.waitForTimeout(5000);
    }
    // The donor's own list: this donation, arrived, as the chain has it.
    const mine = `[data-work="donor"] [data-my-donation="${donation}"][data-received="20"]`;
    await donor.waitForSelector(mine, { timeout: CHAIN_WAIT });
    check((await donor.textContent(mine)).includes('20 arrived at Anding County Medical Reserve'), `the donor's list does not say where it arrived: ${await donor.textContent(mine)}`);
    const listed = await donor.$$eval('[data-work="donor"] [data-my-donation]', (rows) => rows.map((r) => r.getAttribute('data-my-donation')));
    const two = u8aToHex(new Keyring({ type: 'sr25519' }).addFromUri('//Two').publicKey);
    const donorsOwn = (await chain.query.emergencySupply.donations.entries())
      .filter(([, d]) => d.unwrap().donor.toHex() === two).map(([k]) => k.args[0].toString())
      .sort((a, b) => Number(b) - Number(a)).slice(0, 20);
    check(JSON.stringify(listed) === JSON.stringify(donorsOwn), `the donor's list (${listed}) is not the chain's (${donorsOwn})`);
    // The button queues the whole round; the chain allocates it in the next blocks and the card
    // follows without a reload.
    await donor.click(`${myRound} [data-action="allocate"]`);
    await donor.waitForSelector('.toast .note.ok >> text=Round queued', { timeout: CHAIN_WAIT });
    await donor.waitForSelector('.toast .note.ok >> text=Round allocated', { timeout: CHAIN_WAIT });
    await donor.waitForSelector(`${myRound} [data-org="1"][data-outcome="Full"]`, { timeout: CHAIN_WAIT });
    const need = await donor.textContent(`${myRound} [data-org="1"][data-outcome="Full"]`);
    check(need.includes('Got 12 pieces: everything it lacked') && need.includes('Hekou Village Clinic'), `the allocation's reason is not shown: ${need}`);
    await screenshot(donor, 'supplies-allocated');

    // The reserve sends it; the clinic confirms 11 of the 12 (13 is refused first).
    await lookUp(donation, `[data-arrival="${donation}"] [data-action="send"]`);
    await keeper.click(`[data-arrival="${donation}"] [data-action="send"]`);
    await keeper.waitForSelector('.toast .note.ok >> text=Sent', { timeout: CHAIN_WAIT });
    await screenshot(keeper, 'supplies-warehouse');
    await clinic.click('a.tab[href="#/supplies"]');
    const onItsWay = '[data-work="deliveries"] [data-status="Dispatched"]';
    await clinic.waitForSelector(`${onItsWay} input[name=received]`, { timeout: CHAIN_WAIT });
    await clinic.fill(`${onItsWay} input[name=received]`, '13');
    await clinic.click(`${onItsWay} button[type=submit]`);
    await clinic.waitForSelector(`${onItsWay} .note.error`);
    check((await clinic.textContent(onItsWay)).includes('More units than were sent'), 'a delivery over what was sent is not explained');
    await clinic.fill(`${onItsWay} input[name=received]`, '11');
    await clinic.click(`${onItsWay} button[type=submit]`);
    await clinic.waitForSelector('.toast .note.ok >> text=Delivery confirmed', { timeout: CHAIN_WAIT });
    await clinic.waitForSelector('[data-work="deliveries"] [data-status="Delivered"] >> text=Arrived: 11 confirmed', { timeout: CHAIN_WAIT });
    await screenshot(clinic, 'supplies-clinic');

    // The figures are what the demo seeding and this step did.
    await donor.click('a.tab[href="#/supplies"]');
    await donor.waitForSelector(`[data-emergency-detail="${emergencyId}"] [data-item="MASK-N95"]`, { timeout: CHAIN_WAIT });
    const figure = async (key) => Number(await donor.textContent(`[data-item="MASK-N95"] [data-total="${key}"] strong`));
    const seededDelivered = seeded.allocations.reduce((n, a) => n + (a.received ?? 0), 0);
    const seededAllocated = seeded.allocations.reduce((n, a) => n + a.quantity, 0);
    const want = { pledged: PLEDGED + 20, received: PLEDGED + 20, allocated: seededAllocated + 12, unallocated: PLEDGED - seededAllocated + 8, delivered: seededDelivered + 11, shortfall: SHORT_BY + 1 };
    for (const [key, value] of Object.entries(want)) check(await figure(key) === value, `${key}: the screen shows ${await figure(key)}, the test did ${value}`);

    // The donor's trace: 12 to Hekou, 11 arrived, 1 missing, 8 not yet allocated.
    await donor.evaluate(() => { window.location.hash = '#/trace'; });
    await donor.waitForSelector('#trace-title');
    await donor.fill('input[name=donation]', donation);
    await donor.click('form button[type=submit]');
    await donor.waitForSelector(`[data-trace="${donation}"] [data-status="Delivered"]`, { timeout: CHAIN_WAIT });
    const trace = await donor.textContent(`[data-trace="${donation}"]`);
    check(trace.includes('Hekou Village Clinic: 12 pieces') && trace.includes('confirmed 11') && trace.includes('1 did not arrive'), `the donor's trace is wrong: ${trace}`);
    check(await donor.$(`[data-trace="${donation}"] [data-action="cancel-pledge"]`) === null, 'a received pledge offers to be cancelled');

    // A pledge that will not ship: the donor cancels it from its trace, and it is gone from the chain.
    await donor.click('a.tab[href="#/supplies"]');
    await donor.waitForSelector(`[data-emergency-detail="${emergencyId}"] [data-form="pledge"]`, { timeout: CHAIN_WAIT });
    await donor.fill('input[name=pledge-quantity]', '5');
    await donor.click('[data-form="pledge"] button[type=submit]');
    await donor.waitForSelector('.pledge-result [data-donation]', { timeout: CHAIN_WAIT });
    const extra = await donor.getAttribute('.pledge-result [data-donation]', 'data-donation');
    await donor.click('.pledge-result button');
    await donor.waitForSelector(`[data-trace="${extra}"] [data-action="cancel-pledge"]`, { timeout: CHAIN_WAIT });
    await donor.click(`[data-trace="${extra}"] [data-action="cancel-pledge"]`);
    await donor.waitForSelector('.toast .note.ok >> text=Pledge cancelled', { timeout: CHAIN_WAIT });
    await donor.waitForSelector('[data-problem="Cancelled"]');
    check((await chain.query.emergencySupply.donations(extra)).isNone, 'the cancelled pledge is still on chain');
    await setLanguage(keeper, 'zh-CN');
    await keeper.waitForSelector('#supplies-title >> text=应急物资');
    await screenshot(keeper, 'supplies-zh');
    for (const page of [donor, clinic, keeper]) await page.context().close();
  });

  await step('the health council recalls a batch by motion: Bob proposes (an unknown batch refused first, nothing proposed), Charlie votes aye and closes it; the pack checked Genuine before is Recalled after', async () => {
    const chain = await api();
    const [anyone, bob, charlie] = [await person(), await person(), await person()];
    await anyone.click('[data-public="check"]');
    await anyone.waitForSelector('#check-title');
    await checkPackCode(anyone, MR_PACK_CODE, '[data-verdict="Genuine"]');

    await signInDemo(bob, 'Bob');
    await bob.click('a.tab[href="#/council"]');
    await bob.waitForSelector('[data-form="recall"]', { timeout: CHAIN_WAIT });
    const motionsBefore = (await chain.query.council.proposals()).length;
    await bob.fill('input[name=recall-gtin]', MR_VACCINE);
    await bob.fill('input[name=recall-lot]', 'NO-SUCH-LOT');
    await bob.selectOption('select[name=recall-reason]', 'SafetyRisk');
    await bob.click('[data-form="recall"] button[type=submit]');
    await bob.waitForSelector('.toast .note.error >> text=no such batch', { timeout: CHAIN_WAIT });
    check((await chain.query.council.proposals()).length === motionsBefore, 'a refused motion was proposed');
    await bob.fill('input[name=recall-lot]', MR_LOT);
    await bob.click('[data-form="recall"] button[type=submit]');
    await bob.waitForSelector('.toast .note.ok >> text=Motion proposed', { timeout: CHAIN_WAIT });
    const open = '[data-kind="RecallLot"][data-state="open"]';
    await bob.waitForSelector(open, { timeout: CHAIN_WAIT });
    const proposed = await bob.textContent(open);
    check(proposed.includes(`Recall batch ${MR_LOT}`) && proposed.includes('a safety risk') && proposed.includes('Ayes 1 of the 2 needed') && proposed.includes('Aye: You'), `the motion is not shown as proposed: ${proposed}`);
    check(await bob.$(`${open} [data-action="close"]`) === null, 'an undecided motion offers to be closed');
    await screenshot(bob, 'council-motion');

    await signInDemo(charlie, 'Charlie');
    await charlie.click('a.tab[href="#/council"]');
    await charlie.waitForSelector(`${open} [data-action="aye"]`, { timeout: CHAIN_WAIT });
    await charlie.click(`${open} [data-action="aye"]`);
    await charlie.waitForSelector('.toast .note.ok >> text=Your vote is on the chain', { timeout: CHAIN_WAIT });
    const passed = '[data-kind="RecallLot"][data-state="approved"]';
    await charlie.waitForSelector(`${passed} [data-action="close"]`, { timeout: CHAIN_WAIT });
    await screenshot(charlie, 'council-passed');
    check((await getLotStatus(chain, MR_VACCINE, MR_LOT)) === 'Active', 'the batch was recalled before the motion was closed');
    await charlie.click(`${passed} [data-action="close"]`);
    await charlie.waitForSelector('.toast .note.ok >> text=took effect', { timeout: CHAIN_WAIT });
    await charlie.waitForSelector('[data-empty="motions"], [data-motion]', { timeout: CHAIN_WAIT });
    check(await charlie.$('[data-kind="RecallLot"]') === null, 'the closed motion is still listed');
    check((await getLotStatus(chain, MR_VACCINE, MR_LOT)) === 'Recalled', 'the motion did not recall the batch');

    const after = await checkPackCode(anyone, MR_PACK_CODE, '[data-verdict="Recalled"]');
    check(after.includes('RECALLED') && after.includes('safety'), `the recall is not explained: ${after}`);
    await screenshot(anyone, 'check-recalled-by-council');
    await setLanguage(charlie, 'zh-CN');
    await charlie.waitForSelector('#council-title >> text=卫生健康委员会');
    await screenshot(charlie, 'council-zh');
    for (const page of [anyone, bob, charlie]) await page.context().close();
  });

  await step('the health council clears the break-glass Eve disputed and verifies a new doctor\'s licence, by motion; a licence action its standing does not allow is refused first', async () => {
    const chain = await api();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const newDoctor = keyring.addFromUri(`//BrowserCouncilDoctor/${Date.now()}`);
    await sendFinalized(chain, chain.tx.registry.addPractitioner(0, newDoctor.address, 'Doctor', blake2AsHex(`ADC-BROWSER-${Date.now()}`)), keyring.addFromUri('//Alice'));
    const bobAddress = keyring.addFromUri('//Bob').address;
    const disputedByEve = async () => {
      const found = [];
      for (const key of await chain.query.consent.escalated.keys()) {
        const access = (await chain.query.consent.emergencyAccesses(key.args[0])).toJSON();
        if (access?.practitioner === bobAddress && access.disputed) found.push(key.args[0].toString());
      }
      return found;
    };
    let bobsAccess = await disputedByEve();
    if (bobsAccess.length === 0 && only !== null) {
      // Run alone (RURALMED_BROWSER_ONLY), without the break-glass steps: make the access they leave.
      const opened = await sendFinalized(chain, chain.tx.consent.openEmergencyAccess(await eveAddress(), 0, blake2AsHex('unconscious'), 100), keyring.addFromUri('//Bob'));
      const id = opened.find(({ event }) => event.method === 'EmergencyAccessOpened').event.data[0];
      await sendFinalized(chain, chain.tx.consent.reviewEmergencyAccess(id, false), keyring.addFromUri('//Eve'));
      bobsAccess = await disputedByEve();
    }
    check(bobsAccess.length === 1, `expected the one break-glass Eve disputed, found ${bobsAccess.length}`);
    const [glassId] = bobsAccess;
    const [charlie, bob] = [await person(), await person()];

    await signInDemo(charlie, 'Charlie');
    await charlie.click('a.tab[href="#/council"]');
    const glass = `[data-form="break-glass"] [data-escalated="${glassId}"]`;
    await charlie.waitForSelector(glass, { timeout: CHAIN_WAIT });
    const glassText = await charlie.textContent(glass);
    check(glassText.includes('Bob') && glassText.includes('Eve') && glassText.includes('disputed'), `the escalated access is not described: ${glassText}`);
    await screenshot(charlie, 'council-break-glass');

    // Bob's licence is active: verifying it is refused before anything is signed.
    const motionsBefore = (await chain.query.council.proposals()).length;
    await charlie.selectOption('select[name=licence-practitioner]', bobAddress);
    await charlie.selectOption('select[name=licence-action]', 'verify');
    await charlie.click('[data-form="licence"] button[type=submit]');
    await charlie.waitForSelector('.toast .note.error >> text=not in a state that allows this', { timeout: CHAIN_WAIT });
    check((await chain.query.council.proposals()).length === motionsBefore, 'a refused licence motion was proposed');
    const option = await charlie.textContent(`select[name=licence-practitioner] option[value="${newDoctor.address}"]`);
    check(option.includes('not yet verified'), `the new doctor is not listed as unverified: ${option}`);
    await charlie.selectOption('select[name=licence-practitioner]', newDoctor.address);
    await charlie.click('[data-form="licence"] button[type=submit]');
    await charlie.waitForSelector('.toast .note.ok >> text=Motion proposed', { timeout: CHAIN_WAIT });
    await charlie.click(`${glass} [data-action="clear"]`);
    await charlie.waitForSelector('.toast .note.ok >> text=Motion proposed', { timeout: CHAIN_WAIT });
    const licenceMotion = '[data-kind="VerifyLicence"][data-state="open"]';
    const glassMotion = '[data-kind="ResolveEmergencyAccess"][data-state="open"]';
    await charlie.waitForSelector(`${licenceMotion} >> text=Verify the licence of`, { timeout: CHAIN_WAIT });
    await charlie.waitForSelector(`${glassMotion} >> text=Clear emergency access ${glassId}`, { timeout: CHAIN_WAIT });

    await signInDemo(bob, 'Bob');
    await bob.click('a.tab[href="#/council"]');
    for (const open of [licenceMotion, glassMotion]) {
      await bob.waitForSelector(`${open} [data-action="aye"]`, { timeout: CHAIN_WAIT });
      await bob.click(`${open} [data-action="aye"]`);
      await bob.waitForSelector('.toast .note.ok >> text=Your vote is on the chain', { timeout: CHAIN_WAIT });
      const passed = open.replace('open', 'approved');
      await bob.waitForSelector(`${passed} [data-action="close"]`, { timeout: CHAIN_WAIT });
      await bob.click(`${passed} [data-action="close"]`);
      await bob.waitForSelector('.toast .note.ok >> text=took effect', { timeout: CHAIN_WAIT });
      await bob.waitForSelector(`${passed}`, { state: 'detached', timeout: CHAIN_WAIT });
    }
    const licence = (await chain.query.registry.practitioners(newDoctor.address)).toJSON();
    check(licence?.status === 'Active', `the motion did not verify the licence: ${JSON.stringify(licence)}`);
    const access = (await chain.query.consent.emergencyAccesses(glassId)).toJSON();
    check(access?.status === 'Cleared', `the motion did not clear the access: ${JSON.stringify(access)}`);
    check((await chain.query.consent.escalated(glassId)).isNone, 'the cleared access still awaits the council');
    await bob.waitForSelector(`[data-form="break-glass"] [data-escalated="${glassId}"]`, { state: 'detached', timeout: CHAIN_WAIT });
    await screenshot(bob, 'council-resolved');
    await setLanguage(bob, 'zh-CN');
    await bob.waitForSelector('[data-form="licence"] >> text=医务人员执业证书');
    await screenshot(bob, 'council-licence-zh');
    for (const page of [charlie, bob]) await page.context().close();
  });

  await step('the health council sees the hospitals\' validators; removing the last one and adding an account without session keys are refused in words before anything is proposed', async () => {
    const chain = await api();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const aliceAddress = keyring.addFromUri('//Alice').address;
    const ferdieAddress = keyring.addFromUri('//Ferdie').address;
    const charlie = await person();
    await signInDemo(charlie, 'Charlie');
    await charlie.click('a.tab[href="#/council"]');
    await charlie.waitForSelector(`[data-form="validators"] [data-validator="${aliceAddress}"] >> text=validating now`, { timeout: CHAIN_WAIT });
    await screenshot(charlie, 'council-validators');
    const motionsBefore = (await chain.query.council.proposals()).length;
    await charlie.fill('input[name=validator-account]', aliceAddress);
    await charlie.selectOption('select[name=validator-action]', 'remove');
    await charlie.click('[data-form="validators"] button[type=submit]');
    await charlie.waitForSelector('.toast .note.error >> text=at least three validators', { timeout: CHAIN_WAIT });
    await charlie.fill('input[name=validator-account]', ferdieAddress);
    await charlie.selectOption('select[name=validator-action]', 'add');
    await charlie.click('[data-form="validators"] button[type=submit]');
    await charlie.waitForSelector('.toast .note.error >> text=has not registered its session keys', { timeout: CHAIN_WAIT });
    check((await chain.query.council.proposals()).length === motionsBefore, 'a refused validator motion was proposed');
    check(JSON.stringify((await chain.query.validatorSet.validators()).toJSON()) === JSON.stringify([aliceAddress]), 'the validator set changed');
    await setLanguage(charlie, 'zh-CN');
    await charlie.waitForSelector('[data-form="validators"] >> text=医院验证节点');
    await screenshot(charlie, 'council-validators-zh');
    await charlie.context().close();
  });

  await step('the county figures: council member Bob sees Hekou village\'s records, patients, clinicians and handovers as the chain holds them, in charts and a table, amoxicillin\'s handovers by product, and the CSV file says the same; where recalled stock still sits in the maker\'s county; in Chinese too', async () => {
    const chain = await api();
    const bob = await person();
    await signInDemo(bob, 'Bob');
    await bob.click('a.tab[href="#/figures"]');
    await bob.waitForSelector('#figures-region option[value="1001-1-1"]', { state: 'attached', timeout: CHAIN_WAIT });
    await bob.selectOption('#figures-region', '1001-1-1');
    await bob.waitForSelector('.figures h3 >> text=Hekou', { timeout: CHAIN_WAIT });
    await bob.waitForSelector('.figures-table tr[data-figure="recordsWritten"] td', { timeout: CHAIN_WAIT });
    // Count what the chain holds of Hekou clinic (organisation 1, alone in village 1001-1-1):
    // every record written there, its patients and authors, and every handover there. The chain
    // of this run began today, so the six months shown hold all of it.
    const anchors = (await chain.query.patientRecords.records.entries()).map(([, v]) => v.unwrap())
      .filter((r) => r.organisation.isSome && r.organisation.unwrap().toNumber() === 1);
    const handovers = (await chain.query.drugProvenance.dispensations.entries()).map(([, v]) => v.unwrap())
      .filter((d) => d.org.toNumber() === 1);
    const amoxicillin = [];
    for (const d of handovers) {
      if ((await chain.query.drugProvenance.lots(d.lot)).unwrap().gtin.toU8a().every((b, i) => b === AMOXICILLIN.charCodeAt(i))) amoxicillin.push(d);
    }
    const monthsOf = new Set(anchors.map((r) => { const at = new Date(r.timestampMs.toNumber()); return at.getUTCFullYear() * 12 + at.getUTCMonth(); }));
    const row = (figure) => bob.$$eval(`.figures-table tr[data-figure="${figure}"] td`, (tds) => tds.map((td) => Number(td.textContent)));
    const total = async (figure) => (await row(figure)).reduce((a, b) => a + b, 0);
    check((await row('recordsWritten')).length === 6, 'six months are not shown');
    check(anchors.length > 0 && handovers.length > 0, 'the steps before wrote no record or handed nothing over at Hekou');
    check(await total('recordsWritten') === anchors.length, `records written: shown ${await total('recordsWritten')}, the chain holds ${anchors.length}`);
    check(await total('dispensations') === handovers.length, `handovers: shown ${await total('dispensations')}, the chain holds ${handovers.length}`);
    if (monthsOf.size === 1) {
      const patients = new Set(anchors.map((r) => r.patient.toString())).size;
      const clinicians = new Set(anchors.map((r) => r.author.toString())).size;
      check(await total('activePatients') === patients, `patients seen: shown ${await total('activePatients')}, the chain's records name ${patients}`);
      // Hekou's dispensers also wrote records there (Charlie), so they are among the authors.
      check(await total('activeClinicians') === clinicians, `clinicians: shown ${await total('activeClinicians')}, the records' authors are ${clinicians}`);
    }
    const byProduct = await bob.$$eval(`tr[data-gtin="${AMOXICILLIN}"] td`, (tds) => tds.map((td) => Number(td.textContent)));
    check(byProduct.reduce((a, b) => a + b, 0) === amoxicillin.length, `amoxicillin handovers: shown ${byProduct}, the chain holds ${amoxicillin.length}`);
    check(await bob.$$eval('.chart canvas', (c) => c.length) === 4, 'the four charts are not drawn');
    await screenshot(bob, 'figures');

    const [download] = await Promise.all([bob.waitForEvent('download'), bob.click('[data-action="csv"]')]);
    check(download.suggestedFilename().startsWith('ruralmed-1001-1-1-'), `the CSV file is named ${download.suggestedFilename()}`);
    const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    check(lines.length === 7 && lines[0].startsWith('region,month,Records written,'), `the CSV's header: ${lines[0]}`);
    const headings = lines[0].split(',');
    for (const [figure, heading] of [['recordsWritten', 'Records written'], ['activePatients', 'Patients seen'], ['dispensations', 'Medicine handovers']]) {
      const column = headings.indexOf(heading);
      const fromCsv = lines.slice(1).map((line) => Number(line.split(',')[column]));
      check(JSON.stringify(fromCsv) === JSON.stringify(await row(figure)), `the CSV's ${figure} ${fromCsv} is not the table's ${await row(figure)}`);
    }
    check(lines.slice(1).every((line) => line.startsWith('1001-1-1,')), 'a CSV row of another region');

    // Where recalled stock still sits in the maker's county (the council recalled its MR
    // vaccine batch above, most of which the maker still holds): every holding of a recalled
    // batch by an organisation of that county, as the chain holds them, and nothing else.
    const county = (await chain.query.registry.organisations(4)).unwrap().region.county.toNumber();
    await bob.selectOption('#figures-region', `${county}-0-0`);
    await bob.waitForSelector(`.figures h3 >> text=county ${county}`, { timeout: CHAIN_WAIT });
    await bob.waitForSelector('[data-recalled-lot], [data-empty="recalled"]', { timeout: CHAIN_WAIT });
    const orgsInCounty = new Set((await chain.query.registry.organisations.entries())
      .filter(([, o]) => o.unwrap().region.county.toNumber() === county).map(([k]) => k.args[0].toNumber()));
    const expected = [];
    for (const [key, packs] of await chain.query.drugProvenance.holdings.entries()) {
      const [lot, org] = key.args.map((a) => a.toNumber());
      if (packs.toNumber() > 0 && orgsInCounty.has(org) && (await chain.query.drugProvenance.lots(lot)).unwrap().status.isRecalled) expected.push(`${lot}:${org}:${packs.toNumber()}`);
    }
    const shown = await bob.$$eval('[data-recalled-lot] li[data-org]', (lis) => lis.map((li) => `${li.closest('[data-recalled-lot]').dataset.recalledLot}:${li.dataset.org}:${li.dataset.packs}`));
    check(expected.length > 0, `the chain holds no recalled stock in county ${county}, though the council recalled the maker's batch`);
    check(JSON.stringify(shown.sort()) === JSON.stringify(expected.sort()), `recalled stock shown ${shown}, the chain holds ${expected}`);
    await screenshot(bob, 'figures-recalled');

    await setLanguage(bob, 'zh-CN');
    await bob.waitForSelector('[data-screen="figures"] h2 >> text=全县统计', { timeout: CHAIN_WAIT });
    await bob.waitForSelector('.figures-table >> text=书写的病历', { timeout: CHAIN_WAIT });
    await screenshot(bob, 'figures-zh');
    await bob.context().close();
  });

  await step('no uncaught errors in any page', async () => {
    check(pageErrors.length === 0, `uncaught errors in the pages: ${pageErrors.join(' | ')}`);
  }, { inPart: 'both' });
} catch {
  exitCode = 1;
} finally {
  await browser.close();
  await chainApi?.disconnect();
}
console.log(`screenshots (${shots.length}) in ${artifacts}: ${shots.join(', ')}`);
console.log(`browser checks took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(exitCode);
