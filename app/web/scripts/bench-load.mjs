// Benchmark of the web app (run by hand; not a test): first load under Chromium's "Slow 3G"
// network throttling, and the time to open and decrypt a 20-record history. Needs the app, a
// dev node and a vault running, e.g. in another terminal:
//
//   RURALMED_NODE_BIN=… KEEP_RUNNING=1 scripts/app-checks.sh     # prints the app's URL
//   cd app/web && node scripts/bench-load.mjs http://127.0.0.1:PORT
//
// It writes 20 visit records for the demo patient Eve (as the demo doctor Charlie, through
// @ruralmed/client: encrypt, upload, anchor, share keys, as the app does), then has Eve open
// them in the browser. Prints the numbers docs/performance.md ("Web app") reports.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { EncryptionKeyring, VaultClient, publishEncryptionKey, writeRecord } from '@ruralmed/client';
import { chromium } from 'playwright-core';

const [appUrl] = process.argv.slice(2);
if (appUrl === undefined) throw new Error('usage: node scripts/bench-load.mjs APP_URL');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RECORDS = 20;
const LOAD_RUNS = Number(process.env.LOAD_RUNS ?? '3');

// Chrome DevTools' "Slow 3G" preset (as Puppeteer's PredefinedNetworkConditions has it):
// 500 kbit/s × 0.8 down and up, 400 ms × 5 latency.
const SLOW_3G = { offline: false, downloadThroughput: (500 * 1000 / 8) * 0.8, uploadThroughput: (500 * 1000 / 8) * 0.8, latency: 400 * 5 };

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const kB = (n) => `${(n / 1024).toFixed(0)} kB`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One cold first load (no cache) under Slow 3G: bytes over the network and times. */
async function firstLoad(storageState = undefined) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', ...(storageState === undefined ? {} : { storageState }) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  let httpBytes = 0;
  let wsBytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => { httpBytes += e.encodedDataLength; requests += 1; });
  cdp.on('Network.webSocketFrameReceived', (e) => { wsBytes += e.response.payloadData.length; });
  cdp.on('Network.webSocketFrameSent', (e) => { wsBytes += e.response.payloadData.length; });
  const started = Date.now();
  await page.goto(`${appUrl}/`, { waitUntil: 'commit' });
  // First screen usable: the sign-in screen is drawn (the PIN and new-account buttons work).
  await page.waitForSelector('#signin-title', { timeout: 300_000 });
  const firstScreen = Date.now() - started;
  // Interactive with the chain: connected, the demo county offered (needs the node's metadata).
  await page.waitForSelector('[data-demo]', { timeout: 300_000 });
  const interactive = Date.now() - started;
  const loadBytes = httpBytes;
  const state = await context.storageState();
  await context.close();
  return { firstScreen, interactive, httpBytes: loadBytes, wsBytes, requests, state };
}

/** Writes `count` visit records for Eve as Charlie, one after the other (each waits for finality). */
async function seed(count) {
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(`${appUrl.replace(/^http/, 'ws')}/rpc`), noInitWarn: true });
  const keyring = new Keyring({ type: 'sr25519' });
  const eve = keyring.addFromUri('//Eve');
  const charlie = keyring.addFromUri('//Charlie');
  await publishEncryptionKey(api, eve, await EncryptionKeyring.fromSuri('//Eve'));
  await publishEncryptionKey(api, charlie, await EncryptionKeyring.fromSuri('//Charlie'));
  const vault = new VaultClient(appUrl);
  const started = Date.now();
  for (let i = 0; i < count; i += 1) {
    await writeRecord(api, vault, charlie, {
      patient: eve.address, org: 1, category: 'Encounter', vaultOrg: 0,
      resource: {
        resourceType: 'Encounter', status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
        period: { start: new Date().toISOString() },
        reasonCode: [{ text: `Benchmark visit ${i + 1}: cough and fever` }],
      },
    });
    process.stdout.write(`\r  seeded ${i + 1}/${count} records`);
  }
  process.stdout.write('\n');
  const info = (await api.call.patientRecordsApi.patient(eve.address)).toJSON();
  await api.disconnect();
  return { seconds: (Date.now() - started) / 1000, total: Number(info.recordCount) };
}

/** Eve signs in and opens her newest `count` records (two pages of ten), unthrottled. */
async function openHistory(count) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${appUrl}/`);
  await page.click('[data-demo="Eve"]', { timeout: 60_000 });
  await page.waitForSelector('#records-title', { timeout: 120_000 });
  const started = Date.now();
  const opened = () => page.$$eval('.records > .list > [data-record] dl.lines', (els) => els.length);
  await page.waitForFunction(() => document.querySelectorAll('.records > .list > [data-record] dl.lines').length >= 10, null, { timeout: 600_000 });
  const firstPage = Date.now() - started;
  await page.click('text=Show older records');
  await page.waitForFunction((n) => document.querySelectorAll('.records > .list > [data-record] dl.lines').length >= n, count, { timeout: 600_000 });
  const all = Date.now() - started;
  const n = await opened();
  await context.close();
  return { firstPage, all, opened: n };
}

try {
  console.log(`first load under Slow 3G (${SLOW_3G.latency} ms latency, ${SLOW_3G.downloadThroughput / 1000} kB/s), ${LOAD_RUNS} cold runs:`);
  const runs = [];
  for (let i = 0; i < LOAD_RUNS; i += 1) {
    const r = await firstLoad();
    runs.push(r);
    console.log(`  run ${i + 1}: ${kB(r.httpBytes)} over HTTP in ${r.requests} requests (+ ${kB(r.wsBytes)} WebSocket), sign-in screen at ${s(r.firstScreen)}, connected and interactive at ${s(r.interactive)}`);
  }
  console.log(`  median: ${kB(median(runs.map((r) => r.httpBytes)))} HTTP, sign-in screen ${s(median(runs.map((r) => r.firstScreen)))}, interactive ${s(median(runs.map((r) => r.interactive)))}`);
  // A return visit: the browser's HTTP cache still disabled, but the app's own storage kept
  // (the chain's metadata cached from the first visit).
  const back = await firstLoad(runs[0]?.state);
  console.log(`  return visit (metadata kept, HTTP cache off): ${kB(back.httpBytes)} HTTP + ${kB(back.wsBytes)} WebSocket, sign-in screen at ${s(back.firstScreen)}, interactive at ${s(back.interactive)}`);

  console.log(`writing ${RECORDS} records for Eve as Charlie…`);
  const seeded = await seed(RECORDS);
  console.log(`  ${RECORDS} records written in ${seeded.seconds.toFixed(0)} s (${(seeded.seconds / RECORDS).toFixed(1)} s each); Eve has ${seeded.total}`);
  const history = await openHistory(RECORDS);
  console.log(`open and decrypt a ${RECORDS}-record history: first 10 in ${s(history.firstPage)}, all ${history.opened} in ${s(history.all)} (${s(history.all / history.opened)} per record)`);
} finally {
  await browser.close();
}
