// Anyone, no account needed: is this medicine genuine? Type the code printed under the pack's
// barcode, or read the barcode with the camera or from a photo; the chain answers in plain words
// (Genuine, Recalled, Suspect, Illegitimate, Unknown: likely counterfeit, Expired…) with the
// maker, the expiry and where the batch has been. A code that is not a pack's is explained, and
// nothing is asked of the chain for it.
import { PackCodeError, packCodeText, parsePackCode, type CustodyStep, type PackCheck, type PackCode, type PackVerdict } from '@ruralmed/client';

import type { AppContext } from '../app';
import { checkPackCode } from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatDate, formatTime, t } from '../i18n';
import { CameraError, cameraAvailable, decodeImage, scanWithCamera, type Scan } from '../scanner';
import { answerArea } from './lookup';

/** How each verdict looks: only Genuine is green; a pack we cannot vouch for is red. */
const TONE: Record<PackVerdict, 'ok' | 'warn' | 'error'> = {
  Genuine: 'ok',
  Expired: 'warn',
  StuckInTransit: 'warn',
  Suspect: 'error',
  Recalled: 'error',
  Illegitimate: 'error',
  Unknown: 'error',
  AlreadyDecommissioned: 'error',
  ColdChainBreached: 'error',
};

const isoDay = (iso: string): string => formatDate(Date.parse(`${iso}T00:00:00Z`));

function stepLine(s: CustodyStep): HTMLElement {
  const org = s.orgName ?? t('check.unknownOrg', { id: s.org });
  const words = s.step === 'Shipping'
    ? t('check.step.Shipping', { org, to: s.to?.name ?? t('check.unknownOrg', { id: s.to?.org ?? 0 }), packs: s.quantity })
    : t(`check.step.${s.step}`, { org, packs: s.quantity });
  const missing = s.missing !== undefined && s.missing > 0 ? ` ${t('check.missing', { packs: s.missing })}` : '';
  return h('li', { 'data-step': s.step },
    h('span', { class: 'when' }, s.time !== null ? formatTime(s.time) : s.block === 0 ? t('check.atGenesis') : t('check.atBlock', { block: s.block })),
    h('span', {}, `${words}${missing}`));
}

function resultCard(check: PackCheck): HTMLElement {
  const verdict = check.verdict;
  const headline = verdict === 'Recalled' && check.recallReason !== null
    ? t('check.verdict.RecalledBecause', { reason: t(`medicines.recallReason.${check.recallReason}`) })
    : t(`check.verdict.${verdict}`);
  const rows: [string, string | null][] = [
    [t('check.product'), check.productName === '' ? null : check.productName],
    [t('check.maker'), check.maker === null ? null : check.maker.name ?? t('check.unknownOrg', { id: check.maker.org })],
    [t('medicines.lot'), `${check.code.lotNumber} · GTIN ${check.code.gtin}`],
    [t('check.serial'), check.code.serial ?? null],
    [t('medicines.expires'), check.expiresOn === null ? null : `${isoDay(check.expiresOn)}${verdict === 'Expired' ? ` · ${t('medicines.expired')}` : ''}`],
  ];
  const warnings = [
    check.printedExpiryMatches === false && check.code.expiry !== undefined && check.expiresOn !== null
      ? h('p', { class: 'note warn', 'data-expiry-mismatch': 'true' }, icon('warning'),
        h('span', {}, t('check.expiryMismatch', { printed: isoDay(check.code.expiry), chain: isoDay(check.expiresOn) })))
      : null,
    check.coldChainBreached && verdict !== 'ColdChainBreached'
      ? h('p', { class: 'note warn' }, icon('warning'), h('span', {}, t('check.coldChainCleared')))
      : null,
  ];
  const path = check.path.length === 0 ? null : h('section', { class: 'custody', 'aria-labelledby': 'custody-title' },
    h('h3', { id: 'custody-title' }, t('check.pathTitle')),
    check.pathLength > check.path.length ? h('p', { class: 'hint' }, t('check.earlierSteps', { n: check.pathLength - check.path.length })) : null,
    h('ol', { class: 'steps' }, ...check.path.map(stepLine)));
  return h('article', { class: `record pack-check tone-${TONE[verdict]}`, 'data-check-result': 'true', 'data-verdict': verdict },
    h('p', { class: `note ${TONE[verdict]}`, role: verdict === 'Genuine' ? 'status' : 'alert' },
      icon(TONE[verdict] === 'ok' ? 'ok' : 'warning'), h('strong', {}, headline)),
    ...warnings,
    h('dl', { class: 'lines' }, ...rows.flatMap(([label, value]) => (value === null ? [] : [h('dt', {}, label), h('dd', {}, value)]))),
    path);
}

export function checkScreen(ctx: AppContext): HTMLElement {
  const input = h('input', {
    type: 'text', name: 'pack-code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
    placeholder: '(01)06901234567892(17)280901(10)AMX-2026-001',
  }) as HTMLInputElement;
  const answer = answerArea('check-result');
  const video = h('video', { class: 'camera', hidden: true, 'aria-label': t('check.cameraView') }) as HTMLVideoElement;
  const stopButton = button('back', t('check.stopCamera'), () => { stopCamera(); }, { class: 'btn quiet', hidden: true });
  let scan: Scan | null = null;
  const problem = (kind: string, message: string): void => { answer.problem(kind, message); };

  function stopCamera(): void {
    scan?.stop();
    scan = null;
    video.hidden = true;
    stopButton.hidden = true;
  }

  async function check(text: string): Promise<void> {
    let code: PackCode;
    try {
      code = parsePackCode(text);
    } catch (error) {
      if (error instanceof PackCodeError) problem(error.kind, t(`check.problem.${error.kind}`));
      else problem('Unknown', explain(error));
      return;
    }
    await answer.show(t('check.checking'), async () => resultCard(await checkPackCode(ctx.backend, code)));
  }

  function found(text: string): void {
    stopCamera();
    // Show what was read (in its printed form when it is a pack's code), then check it.
    try {
      input.value = packCodeText(parsePackCode(text));
    } catch {
      input.value = text;
    }
    void check(text);
  }

  async function startCamera(): Promise<void> {
    stopCamera();
    video.hidden = false;
    stopButton.hidden = false;
    mount(answer.element, h('p', { class: 'hint' }, t('check.pointCamera')));
    try {
      scan = await scanWithCamera(video, found);
    } catch (error) {
      stopCamera();
      problem(error instanceof CameraError ? error.code : 'NoCamera', t(`check.camera.${error instanceof CameraError ? error.code : 'NoCamera'}`));
    }
  }

  const photo = h('input', { type: 'file', accept: 'image/*', capture: 'environment', name: 'pack-photo',
    onChange: () => {
      const file = photo.files?.[0];
      photo.value = '';
      if (file === undefined) return;
      mount(answer.element, h('p', { class: 'hint' }, t('check.reading')));
      void decodeImage(file).then((text) => {
        if (text === null) problem('NoBarcode', t('check.problem.NoBarcode'));
        else found(text);
      }, () => { problem('NoBarcode', t('check.problem.NoBarcode')); });
    } }) as HTMLInputElement;

  const form = h('form', { class: 'stack', onSubmit: (e: Event) => { e.preventDefault(); stopCamera(); void check(input.value); } },
    field(t('check.codeLabel'), input, t('check.codeHint')),
    h('button', { type: 'submit', class: 'btn primary' }, icon('search'), h('span', {}, t('check.check'))));
  const scanners = h('div', { class: 'stack' },
    cameraAvailable() ? button('search', t('check.scan'), () => { void startCamera(); }, { 'data-scan': 'camera' }) : null,
    field(t('check.photo'), photo, t('check.photoHint')));

  const root = h('section', { class: 'screen', 'aria-labelledby': 'check-title' },
    h('div', { class: 'title-row' }, h('h2', { id: 'check-title' }, t('check.title')),
      ctx.session === null ? button('back', t('common.back'), () => { stopCamera(); ctx.navigate('signin'); }, { class: 'btn quiet small' }) : null),
    h('p', { class: 'hint' }, t('check.intro')),
    form, scanners, video, stopButton, answer.element);
  // Leaving the screen (another route) releases the camera.
  window.addEventListener('hashchange', stopCamera, { once: true });
  return root;
}
