// Medicine stock, for the staff of a pharmacy, distributor, maker, clinic or hospital: the
// lots it holds with their standing, recall alerts (the recalled lots it holds or handed out,
// and to whom, from this account's dispensing book), shipping packs to another organisation
// (the shipment's number goes on the delivery note) and receiving a shipment by that number.
// A serialised batch (a serial number on every pack) moves pack by pack: its packs are named
// by serial, typed, scanned or ticked from the packs held here; its maker numbers them.
// Checks and refusals come from the client library (app/client stock.ts), shown in words.
import { ChainError, DISPENSER_KINDS, DOSAGE_FORMS, MAX_SERIALS_PER_CALL, RECALL_REASONS, dayToIsoDate, SUSPECT_REASONS, parseSerials, parseShipmentId, serialRange, type DosageForm, type LotView, type PackView, type RecallReason, type ShipmentView, type StockLine, type SuspectReason } from '@ruralmed/client';

import type { AppContext } from '../app';
import {
  batchesAwaitingSerials,
  blockTime,
  chainClock,
  commissionBatchSerials,
  commissionMakerLot,
  flagStockSuspect,
  handOverMedicine,
  lotById,
  makerProducts,
  recallBatch,
  registerMakerProduct,
  reportExcursionFor,
  returnStockToMaker,
  organisationsActedFor,
  packsHeldBy,
  parseAddress,
  receiveIntoStock,
  recallContacts,
  shipFromStock,
  shipmentById,
  stockLines,
  type ChainClock,
  type OrganisationView,
  type RecallContact,
} from '../chain';
import { readBook } from '../dispensing-book';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatTime, t } from '../i18n';
import { personName } from '../names';
import { numberLookup, problemNote } from './lookup';
import { typedNumber } from './supply-work';

const lotName = (l: StockLine): string => `${l.product?.name ?? l.lot.gtin} ${l.product?.strength ?? ''}`.trim();

/** The lot's standing in words: why it may not be used, or "usable". */
function standing(l: StockLine): { key: string; text: string } {
  const s = l.lot.status;
  if (s.kind === 'Recalled') return { key: 'Recalled', text: t('stock.standing.Recalled', { reason: t(`medicines.recallReason.${s.reason}`) }) };
  if (s.kind === 'Quarantined') return { key: 'Quarantined', text: t('stock.standing.Quarantined') };
  if (s.kind === 'Illegitimate') return { key: 'Illegitimate', text: t('stock.standing.Illegitimate') };
  if (l.lot.coldChain === 'Breached') return { key: 'ColdChainBreached', text: t('stock.standing.ColdChainBreached') };
  if (l.expired) return { key: 'Expired', text: t('stock.standing.Expired') };
  if (l.suspect !== null) return { key: 'Suspect', text: t('stock.standing.Suspect') };
  return { key: 'Usable', text: t('stock.standing.Usable') };
}

/** The maker did not tick "I understand" before recalling. */
class RecallNotConfirmed extends Error {}
/** A prescription number that is not one. */
class NotARecordNumber extends Error {}

function problem(slot: HTMLElement, error: unknown): void {
  if (error instanceof RecallNotConfirmed || error instanceof NotARecordNumber) {
    const words = error instanceof RecallNotConfirmed ? t('stock.recallTick') : t('stock.notARecordNumber');
    mount(slot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, words)));
    return;
  }
  mount(slot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, t('stock.refused', { reason: explain(error) }))));
}

/** What a panel does after an action succeeded: shows `shown` above its stock (which is read again). */
type Done = (shown: HTMLElement[]) => void;
/**
 * The packs of a serialised batch this organisation holds (read with its stock), by lot id;
 * null for a batch with too many packs to read here (their serials are typed or scanned).
 */
type PacksHere = ReadonlyMap<bigint, readonly PackView[] | null>;
/** A batch too big to list its packs here is still shown; any other failure is the screen's. */
function tooManyToList(error: unknown): null {
  if (error instanceof ChainError && error.error === 'TooManyPacks') return null;
  throw error;
}
/** Most held packs offered as boxes to tick; the rest are typed or scanned. */
const PACKS_TICKED = 60;

/**
 * The packs of a serialised batch, by serial: a text box, one serial per line (typed, or a
 * scanner typing each pack's code and Enter), and the packs held here as boxes to tick, which
 * write their serials in the box (it stays the one list that is sent). `show(line)` shows it
 * for a serialised batch and hides it otherwise.
 */
function serialPicker(name: string, packsHere: PacksHere, onlyActive: boolean): { element: HTMLElement; show: (line: StockLine | undefined) => void; read: (line: StockLine) => string[] } {
  const box = h('textarea', { name, rows: '4', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' }) as HTMLTextAreaElement;
  const ticks = h('div', { class: 'serial-ticks', 'data-serial-ticks': name });
  const element = h('div', { class: 'stack', hidden: true, 'data-serial-picker': name }, field(t('stock.serials'), box, t('stock.serialsHint', { max: MAX_SERIALS_PER_CALL })), ticks);
  const lines = (): string[] => box.value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const show = (line: StockLine | undefined): void => {
    box.value = '';
    const serialised = line?.lot.serialised === true;
    element.hidden = !serialised;
    if (line === undefined || !serialised) { ticks.replaceChildren(); return; }
    const read = packsHere.get(line.lot.id);
    if (read === null) { mount(ticks, h('p', { class: 'hint' }, t('stock.errors.TooManyPacks'))); return; }
    const packs = (read ?? []).filter((p) => !onlyActive || p.status === 'Active');
    mount(ticks, packs.length === 0 ? h('p', { class: 'hint' }, t('stock.noPacksHere'))
      : h('fieldset', {}, h('legend', {}, t('stock.packsHere', { count: packs.length })),
        ...packs.slice(0, PACKS_TICKED).map((p) => {
          const tick = h('input', { type: 'checkbox', value: p.serial, 'data-serial': p.serial }) as HTMLInputElement;
          tick.addEventListener('change', () => {
            const rest = lines().filter((l) => l !== p.serial);
            box.value = [...rest, ...(tick.checked ? [p.serial] : [])].join('\n');
          });
          return h('label', { class: 'check' }, tick, h('span', {}, p.serial));
        }),
        packs.length > PACKS_TICKED ? h('p', { class: 'hint' }, t('stock.morePacks', { count: packs.length - PACKS_TICKED })) : null));
  };
  return { element, show, read: (line) => parseSerials(box.value, line.lot) };
}

/**
 * A small form inside a batch's actions: `fields`, a submit button, and a refusal below it;
 * `run` signs (the client library checks first) and answers what to show once it is done
 * (null: nothing was sent), which `done` shows above the stock it reads again.
 */
function actionForm(name: string, submitText: string, fields: (HTMLElement | null)[], run: () => Promise<HTMLElement[] | null>, done: Done): HTMLElement {
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', novalidate: true, 'data-action-form': name }) as HTMLFormElement;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submit?.disabled === true) return;
    if (submit) submit.disabled = true;
    mount(result, h('p', { class: 'hint' }, t('stock.sending')));
    run().then((shown) => { if (shown === null) result.replaceChildren(); else done(shown); }, (error: unknown) => { problem(result, error); })
      .finally(() => { if (submit) submit.disabled = false; });
  });
  mount(form, ...fields, h('button', { type: 'submit', class: 'btn' }, icon('ok'), h('span', {}, submitText)));
  return h('div', { class: 'action' }, form, result);
}

const okNote = (text: string): HTMLElement => h('p', { class: 'note ok', role: 'status' }, icon('ok'), h('span', {}, text));
const numberField = (name: string, attrs: Record<string, string> = {}): HTMLInputElement =>
  h('input', { type: 'number', name, inputmode: 'numeric', step: '1', min: '0', ...attrs }) as HTMLInputElement;
/** A temperature: text, so that "9,5" as well as "9.5" and "-2" can be typed on any phone keyboard. */
const decimalField = (name: string, value = ''): HTMLInputElement =>
  h('input', { type: 'text', name, inputmode: 'decimal', autocomplete: 'off', value }) as HTMLInputElement;
/** A decimal number as typed (comma or point), or NaN. */
const typedDecimal = (input: HTMLInputElement): number => (/^\s*-?\d+([.,]\d+)?\s*$/.test(input.value) ? Number(input.value.replace(',', '.')) : Number.NaN);

/** What staff may do with one batch they hold: report an excursion, flag it, return it, recall it (its maker). */
function lineActions(ctx: AppContext, org: OrganisationView, line: StockLine, actsFor: readonly number[], packsHere: PacksHere, done: Done): HTMLElement | null {
  const session = ctx.session;
  if (session === null) return null;
  const forms: HTMLElement[] = [];
  if (line.product?.coldChain === true) {
    const [low, high, minutes] = [decimalField('excursion-min'), decimalField('excursion-max'), numberField('excursion-minutes')];
    forms.push(h('h5', {}, t('stock.excursionTitle')), actionForm('excursion', t('stock.excursionSubmit'), [
      field(t('stock.excursionMin'), low), field(t('stock.excursionMax'), high), field(t('stock.excursionMinutes'), minutes, t('stock.excursionHint')),
    ], async () => {
      const reported = await reportExcursionFor(ctx.backend, session, { line, org: org.id, minCelsius: typedDecimal(low), maxCelsius: typedDecimal(high), minutes: typedNumber(minutes) });
      return [okNote(t(reported.breached ? 'stock.excursionBreached' : 'stock.excursionRecorded'))];
    }, done));
  }
  if (line.suspect === null && line.lot.status.kind === 'Active') {
    const reason = h('select', { name: 'suspect-reason' }, ...SUSPECT_REASONS.map((r) => h('option', { value: r }, t(`stock.suspectReason.${r}`)))) as HTMLSelectElement;
    forms.push(h('h5', {}, t('stock.suspectTitle')), actionForm('suspect', t('stock.suspectSubmit'), [field(t('stock.suspectReasonLabel'), reason, t('stock.suspectHint'))], async () => {
      await flagStockSuspect(ctx.backend, session, { line, org: org.id, reason: reason.value as SuspectReason });
      return [okNote(t('stock.suspectDone'))];
    }, done));
  }
  if (org.id !== line.lot.manufacturer) {
    const quantity = numberField('return-packs', { value: String(line.held) });
    // Any pack may go back, suspect ones included.
    const picker = serialPicker('return-serials', packsHere, false);
    picker.show(line);
    forms.push(h('h5', {}, t('stock.returnTitle')), actionForm('return', t('stock.returnSubmit'), [
      line.lot.serialised ? h('p', { class: 'hint' }, t('stock.returnHint')) : field(t('stock.packs'), quantity, t('stock.returnHint')), picker.element,
    ], async () => {
      const serials = line.lot.serialised ? picker.read(line) : [];
      const shipment = await returnStockToMaker(ctx.backend, session, { line, from: org.id, quantity: typedNumber(quantity), serials });
      return [okNote(t('stock.returned')), h('p', { class: 'donation-number', 'data-shipment': shipment.toString() }, h('strong', {}, t('stock.shipmentNumber', { id: shipment.toString() })))];
    }, done));
  }
  if (actsFor.includes(line.lot.manufacturer) && line.lot.status.kind !== 'Recalled') {
    const reason = h('select', { name: 'recall-reason' }, ...RECALL_REASONS.map((r) => h('option', { value: r }, t(`medicines.recallReason.${r}`)))) as HTMLSelectElement;
    const sure = h('input', { type: 'checkbox', name: 'recall-sure' }) as HTMLInputElement;
    forms.push(h('h5', {}, t('stock.recallTitle')), actionForm('recall', t('stock.recallSubmit'), [
      field(t('stock.recallReasonLabel'), reason), h('label', { class: 'check' }, sure, h('span', {}, t('stock.recallSure'))),
    ], async () => {
      if (!sure.checked) throw new RecallNotConfirmed();
      await recallBatch(ctx.backend, session, { lot: line.lot, reason: reason.value as RecallReason, actsFor });
      return [okNote(t('stock.recalled'))];
    }, done));
  }
  if (forms.length === 0) return null;
  return h('details', { class: 'actions', 'data-actions': line.lot.id.toString() }, h('summary', {}, t('stock.actions')), ...forms);
}

/** Most serials written out under a serialised batch's line. */
const SERIALS_LISTED = 12;

/** The serials of the packs held here, a few of them, and how many more. */
function serialsLine(packs: readonly PackView[] | null): HTMLElement {
  if (packs === null) return h('p', { class: 'hint' }, h('span', {}, t('stock.errors.TooManyPacks')));
  const listed = packs.slice(0, SERIALS_LISTED).map((p) => p.serial).join(', ');
  const more = packs.length - SERIALS_LISTED;
  return h('p', { class: 'hint', 'data-serials': packs.map((p) => p.serial).join(' ') },
    h('span', {}, more > 0 ? t('stock.serialsHereMore', { serials: listed, count: more }) : t('stock.serialsHere', { serials: listed })));
}

function stockList(ctx: AppContext, org: OrganisationView, lines: readonly StockLine[], actsFor: readonly number[], packsHere: PacksHere, done: Done): HTMLElement {
  if (lines.length === 0) return h('p', { class: 'hint', 'data-empty': 'stock' }, t('stock.empty'));
  return h('ul', { class: 'trail' }, ...lines.map((l) => {
    const s = standing(l);
    return h('li', { class: `entry${l.usable ? '' : ' unusable'}`, 'data-lot': l.lot.id.toString(), 'data-lot-number': l.lot.lotNumber, 'data-standing': s.key, 'data-held': String(l.held) },
      h('p', {}, icon(l.usable ? 'pill' : 'warning'), h('strong', {}, lotName(l))),
      h('p', {}, h('span', {}, t('stock.line', { lot: l.lot.lotNumber, packs: l.held, expiry: dayToIsoDate(l.lot.expiresOn) }))),
      l.lot.serialised ? serialsLine(packsHere.has(l.lot.id) ? packsHere.get(l.lot.id) ?? null : []) : null,
      h('p', { class: l.usable ? 'hint' : 'note warn' }, h('span', {}, s.text)),
      lineActions(ctx, org, l, actsFor, packsHere, done));
  }));
}

/** A record number as typed (from the prescription's printout): 1 to 20 digits. */
function parseRecordNumber(input: string): bigint {
  const digits = input.trim().replace(/^#/, '');
  if (!/^\d{1,20}$/.test(digits) || BigInt(digits) > 0xffff_ffff_ffff_ffffn) throw new NotARecordNumber();
  return BigInt(digits);
}

/**
 * A pharmacist (or a clinic's staff) hands packs over to a patient for a prescription: the
 * dispensation goes on chain with only a commitment, and the MedicationDispense record is
 * written into the patient's history, which needs the patient's consent (a grant that lets
 * this organisation or this person add records): without it the chain refuses and nothing is
 * handed over. The handover enters this account's dispensing book, for recalls.
 */
function handOverForm(ctx: AppContext, org: OrganisationView, lines: readonly StockLine[], packsHere: PacksHere, done: Done): HTMLElement | null {
  const session = ctx.session;
  if (session === null || !DISPENSER_KINDS.includes(org.kind)) return null;
  const usable = lines.filter((l) => l.usable);
  if (usable.length === 0) return null;
  const patient = h('input', { type: 'text', name: 'handover-patient', autocomplete: 'off', spellcheck: 'false' }) as HTMLInputElement;
  const prescription = h('input', { type: 'text', name: 'handover-prescription', inputmode: 'numeric', autocomplete: 'off' }) as HTMLInputElement;
  const lot = h('select', { name: 'handover-lot' }, ...usable.map((l) => h('option', { value: l.lot.id.toString() }, `${lotName(l)} · ${l.lot.lotNumber} (${t('stock.held', { packs: l.held })})`))) as HTMLSelectElement;
  const packs = numberField('handover-packs', { value: '1' });
  const packsField = field(t('stock.packs'), packs);
  const picker = serialPicker('handover-serials', packsHere, true);
  const display = h('input', { type: 'text', name: 'handover-medicine', autocomplete: 'off', value: usable[0] === undefined ? '' : lotName(usable[0]) }) as HTMLInputElement;
  const howTo = h('input', { type: 'text', name: 'handover-dosage', autocomplete: 'off' }) as HTMLInputElement;
  const chosenLine = (): StockLine | undefined => usable.find((l) => l.lot.id.toString() === lot.value);
  const choose = (): void => {
    const chosen = chosenLine();
    if (chosen !== undefined) display.value = lotName(chosen);
    packsField.hidden = chosen?.lot.serialised === true;
    picker.show(chosen);
  };
  lot.addEventListener('change', choose);
  choose();
  const action = actionForm('handover', t('stock.handOverSubmit'), [
    field(t('stock.handOverPatient'), patient, t('stock.handOverPatientHint')), field(t('stock.handOverPrescription'), prescription, t('stock.handOverPrescriptionHint')),
    field(t('stock.lot'), lot), packsField, picker.element, field(t('stock.handOverMedicine'), display), field(t('stock.handOverDosage'), howTo, t('stock.handOverDosageHint')),
  ], async () => {
    const line = chosenLine();
    if (line === undefined) return null;
    const who = parseAddress(patient.value);
    const serials = line.lot.serialised ? picker.read(line) : [];
    const quantity = line.lot.serialised ? serials.length : typedNumber(packs);
    const given = await handOverMedicine(ctx.backend, session, {
      patient: who, org: org.id, prescription: parseRecordNumber(prescription.value), gtin: line.lot.gtin, lotNumber: line.lot.lotNumber,
      quantity, serials, display: display.value.trim(), dosageText: howTo.value.trim(),
    });
    const name = await personName(ctx, who);
    return [h('p', { class: 'note ok', role: 'status', 'data-handed-over': given.dispensationId.toString(), 'data-dispense-record': given.recordId.toString() }, icon('ok'),
      h('span', {}, t('stock.handedOver', { count: quantity, name, record: given.recordId.toString() })))];
  }, done);
  return h('section', { class: 'card', 'data-form': 'handover' }, h('h4', {}, icon('user'), h('span', {}, t('stock.handOverTitle'))),
    h('p', { class: 'hint' }, t('stock.handOverIntro')), action);
}

/** A maker registers a product and makes a batch of it. */
async function makerForms(ctx: AppContext, org: OrganisationView, actsFor: readonly number[], done: Done): Promise<HTMLElement | null> {
  const session = ctx.session;
  if (session === null || org.kind !== 'Manufacturer') return null;
  const products = await makerProducts(ctx.backend, org.id);
  const gtin = h('input', { type: 'text', name: 'product-gtin', inputmode: 'numeric', autocomplete: 'off' }) as HTMLInputElement;
  const name = h('input', { type: 'text', name: 'product-name', autocomplete: 'off' }) as HTMLInputElement;
  const strength = h('input', { type: 'text', name: 'product-strength', autocomplete: 'off' }) as HTMLInputElement;
  const form = h('select', { name: 'product-form' }, ...DOSAGE_FORMS.map((f) => h('option', { value: f }, t(`stock.form.${f}`)))) as HTMLSelectElement;
  const cold = h('input', { type: 'checkbox', name: 'product-cold' }) as HTMLInputElement;
  const [coldMin, coldMax] = [decimalField('product-cold-min', '2'), decimalField('product-cold-max', '8')];
  const register = actionForm('register-product', t('stock.registerSubmit'), [
    field(t('stock.gtin'), gtin, t('stock.gtinHint')), field(t('stock.productName'), name), field(t('stock.strength'), strength, t('stock.strengthHint')),
    field(t('stock.dosageForm'), form), h('label', { class: 'check' }, cold, h('span', {}, t('stock.coldChain'))),
    field(t('stock.coldMin'), coldMin), field(t('stock.coldMax'), coldMax),
  ], async () => {
    await registerMakerProduct(ctx.backend, session, {
      org: org.id, gtin: gtin.value.trim(), name: name.value, strength: strength.value, form: form.value as DosageForm,
      coldChain: cold.checked ? { minCelsius: typedDecimal(coldMin), maxCelsius: typedDecimal(coldMax) } : null,
    });
    return [okNote(t('stock.registered', { name: name.value.trim() }))];
  }, done);
  const product = h('select', { name: 'lot-product' }, ...products.map((p) => h('option', { value: p.gtin }, `${p.name} ${p.strength} (${p.gtin})`))) as HTMLSelectElement;
  const lotNumber = h('input', { type: 'text', name: 'lot-number', autocomplete: 'off' }) as HTMLInputElement;
  const made = h('input', { type: 'date', name: 'lot-made' }) as HTMLInputElement;
  const expires = h('input', { type: 'date', name: 'lot-expires' }) as HTMLInputElement;
  const quantity = numberField('lot-packs');
  const serialised = h('input', { type: 'checkbox', name: 'lot-serialised' }) as HTMLInputElement;
  const commission = actionForm('commission', t('stock.commissionSubmit'), [
    field(t('stock.product'), product), field(t('stock.lotNumber'), lotNumber, t('stock.lotNumberHint')),
    field(t('stock.madeOn'), made), field(t('stock.expiresOn'), expires), field(t('stock.packs'), quantity),
    h('label', { class: 'check' }, serialised, h('span', {}, t('stock.serialisedLot'))),
  ], async () => {
    const chosen = products.find((p) => p.gtin === product.value);
    if (chosen === undefined) return null;
    const lot = await commissionMakerLot(ctx.backend, session, {
      product: chosen, lotNumber: lotNumber.value, manufacturedOn: made.value, expiresOn: expires.value, quantity: typedNumber(quantity), serialised: serialised.checked, actsFor,
    });
    const words = serialised.checked ? t('stock.commissionedSerialised', { lot: lotNumber.value.trim() }) : t('stock.commissioned', { lot: lotNumber.value.trim() });
    return [h('p', { class: 'note ok', role: 'status', 'data-commissioned': lot.toString() }, icon('ok'), h('span', {}, words))];
  }, done);
  return h('section', { class: 'card', 'data-form': 'maker' },
    h('h4', {}, icon('plus'), h('span', {}, t('stock.commissionTitle'))), products.length === 0 ? h('p', { class: 'hint' }, t('stock.noProducts')) : commission,
    await numberPacksForm(ctx, org, actsFor, done),
    h('h4', {}, icon('plus'), h('span', {}, t('stock.registerTitle'))), register);
}

/**
 * A maker numbers the packs of a serialised batch: the serials printed on them, typed,
 * scanned, or counted up from the first one; they then enter its stock.
 */
async function numberPacksForm(ctx: AppContext, org: OrganisationView, actsFor: readonly number[], done: Done): Promise<HTMLElement | null> {
  const session = ctx.session;
  if (session === null) return null;
  const batches = await batchesAwaitingSerials(ctx.backend, org.id);
  if (batches.length === 0) return null;
  const batch = h('select', { name: 'serial-lot' }, ...batches.map((b) => h('option', { value: b.id.toString() },
    t('stock.batchToNumber', { lot: b.lotNumber, gtin: b.gtin, done: b.commissioned, of: b.quantity })))) as HTMLSelectElement;
  const list = h('textarea', { name: 'serial-list', rows: '5', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' }) as HTMLTextAreaElement;
  const first = h('input', { type: 'text', name: 'serial-first', autocomplete: 'off', spellcheck: 'false' }) as HTMLInputElement;
  const count = numberField('serial-count', { value: '10' });
  const fillProblem = h('div', { 'aria-live': 'polite' });
  const fill = button('plus', t('stock.fillSerials'), () => {
    fillProblem.replaceChildren();
    try {
      list.value = serialRange(first.value, typedNumber(count)).join('\n');
    } catch (error) {
      problem(fillProblem, error);
    }
  }, { 'data-action': 'fill-serials' });
  const form = actionForm('number-packs', t('stock.numberPacksSubmit'), [
    field(t('stock.batch'), batch),
    h('fieldset', {}, h('legend', {}, t('stock.countUp')), field(t('stock.firstSerial'), first, t('stock.firstSerialHint')), field(t('stock.packs'), count), fill, fillProblem),
    field(t('stock.serials'), list, t('stock.serialsHint', { max: MAX_SERIALS_PER_CALL })),
  ], async () => {
    const lot = batches.find((b) => b.id.toString() === batch.value);
    if (lot === undefined) return null;
    const serials = parseSerials(list.value, lot);
    await commissionBatchSerials(ctx.backend, session, { lot, serials, actsFor });
    return [h('p', { class: 'note ok', role: 'status', 'data-numbered': lot.id.toString(), 'data-count': String(serials.length) }, icon('ok'),
      h('span', {}, t('stock.packsNumbered', { count: serials.length, lot: lot.lotNumber })))];
  }, done);
  return h('div', { 'data-form': 'number-packs' }, h('h4', {}, icon('plus'), h('span', {}, t('stock.numberPacksTitle'))), h('p', { class: 'hint' }, t('stock.numberPacksIntro')), form);
}

/** One dispensation of a recalled lot: when, how many packs, and the patient if this account's book names them. */
async function contactLine(ctx: AppContext, c: RecallContact, clock: ChainClock): Promise<HTMLElement> {
  const when = formatTime(blockTime(clock, c.dispensation.block));
  const who = c.entry === null ? null : await personName(ctx, c.entry.patient);
  return h('li', { class: 'entry', 'data-dispensation': c.dispensation.id.toString(), 'data-patient': c.entry?.patient ?? '' },
    h('p', {}, icon(who === null ? 'history' : 'user'),
      h('strong', {}, who === null ? t('stock.contactUnknown', { id: c.dispensation.id.toString() }) : t('stock.contact', { name: who }))),
    h('p', {}, h('span', {}, t('stock.contactWhen', { packs: c.dispensation.quantity, when }))),
    c.entry === null ? null : h('p', { class: 'hint' }, h('span', {}, t('stock.contactAccount', { account: c.entry.patient }))));
}

/**
 * Recall alerts for `org`: every recalled lot it holds, and every recalled lot this account's
 * book says it handed out, with the dispensations and the patients to call.
 */
async function recallAlerts(ctx: AppContext, org: OrganisationView, lines: readonly StockLine[]): Promise<HTMLElement | null> {
  const session = ctx.session;
  if (session === null) return null;
  const recalledHeld = lines.filter((l) => l.lot.status.kind === 'Recalled');
  const bookLots = [...new Set((await readBook(session)).filter((e) => e.org === org.id).map((e) => e.lot))];
  const handedOut = (await Promise.all(bookLots.map((id) => lotById(ctx.backend, BigInt(id)))))
    .filter((lot): lot is LotView => lot !== null && lot.status.kind === 'Recalled' && !recalledHeld.some((l) => l.lot.id === lot.id));
  const lots = [...recalledHeld.map((l) => ({ lot: l.lot, held: l.held, name: lotName(l) })), ...handedOut.map((lot) => ({ lot, held: 0, name: lot.gtin }))];
  if (lots.length === 0) return null;
  const clock = await chainClock(ctx.backend);
  const cards = await Promise.all(lots.map(async ({ lot, held, name }) => {
    const contacts = await recallContacts(ctx.backend, session, lot.id, org.id);
    const reason = lot.status.kind === 'Recalled' ? t(`medicines.recallReason.${lot.status.reason}`) : '';
    return h('div', { class: 'entry', 'data-recall': lot.id.toString() },
      h('p', { class: 'note error', role: 'alert' }, icon('warning'), h('span', {}, t('stock.recallHead', { name, lot: lot.lotNumber, reason }))),
      h('p', {}, h('span', {}, held > 0 ? t('stock.recallHeld', { packs: held }) : t('stock.recallNoneHeld'))),
      contacts.length === 0 ? h('p', { class: 'hint', 'data-empty': 'contacts' }, t('stock.noContacts'))
        : h('div', {}, h('p', {}, h('strong', {}, t('stock.contactsTitle', { count: contacts.length }))),
          h('ul', { class: 'trail' }, ...(await Promise.all(contacts.map((c) => contactLine(ctx, c, clock)))))));
  }));
  return h('section', { class: 'card alert', 'data-work': 'recalls' }, h('h4', {}, icon('warning'), h('span', {}, t('stock.recallsTitle'))),
    h('p', { class: 'hint' }, t('stock.recallsHint')), ...cards);
}

function shipForm(ctx: AppContext, org: OrganisationView, lines: readonly StockLine[], orgs: readonly OrganisationView[], packsHere: PacksHere, done: Done): HTMLElement {
  const lot = h('select', { name: 'ship-lot' }, ...lines.map((l) => h('option', { value: l.lot.id.toString() }, `${lotName(l)} · ${l.lot.lotNumber} (${t('stock.held', { packs: l.held })})`))) as HTMLSelectElement;
  const to = h('select', { name: 'ship-to' }, ...orgs.filter((o) => o.id !== org.id && o.status === 'Active').map((o) => h('option', { value: String(o.id) }, o.name))) as HTMLSelectElement;
  const quantity = h('input', { type: 'number', name: 'ship-packs', inputmode: 'numeric', min: '0', step: '1', required: true }) as HTMLInputElement;
  const quantityField = field(t('stock.packs'), quantity, t('stock.packsHint'));
  const picker = serialPicker('ship-serials', packsHere, true);
  const choose = (): void => {
    const chosen = lines.find((l) => l.lot.id.toString() === lot.value);
    quantityField.hidden = chosen?.lot.serialised === true;
    picker.show(chosen);
  };
  lot.addEventListener('change', choose);
  choose();
  const result = h('div', { 'aria-live': 'polite' });
  // No browser validation: the client library's checks explain a bad figure in words.
  const form = h('form', { class: 'stack', novalidate: true }) as HTMLFormElement;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const session = ctx.session;
    const line = lines.find((l) => l.lot.id.toString() === lot.value);
    if (session === null || line === undefined) return;
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submit?.disabled === true) return;
    if (submit) submit.disabled = true;
    mount(result, h('p', { class: 'hint' }, t('stock.sending')));
    const shipping = async (): Promise<bigint> => shipFromStock(ctx.backend, session, {
      line, from: org.id, to: Number(to.value), quantity: typedNumber(quantity), serials: line.lot.serialised ? picker.read(line) : [],
    });
    shipping().then((shipment) => {
      done([okNote(t('stock.shipped', { to: to.selectedOptions[0]?.textContent ?? '' })),
        h('p', { class: 'donation-number', 'data-shipment': shipment.toString() }, h('strong', {}, t('stock.shipmentNumber', { id: shipment.toString() })))]);
    }, (error: unknown) => { problem(result, error); }).finally(() => { if (submit) submit.disabled = false; });
  });
  mount(form, field(t('stock.lot'), lot), field(t('stock.to'), to), quantityField, picker.element,
    h('button', { type: 'submit', class: 'btn primary' }, icon('referral'), h('span', {}, t('stock.ship'))));
  return h('section', { class: 'card', 'data-form': 'ship' }, h('h4', {}, icon('referral'), h('span', {}, t('stock.shipTitle'))),
    lines.length === 0 ? h('p', { class: 'hint' }, t('stock.nothingToShip')) : form, result);
}

function shipmentCard(ctx: AppContext, s: ShipmentView, actsFor: readonly number[], orgs: readonly OrganisationView[], done: Done): HTMLElement {
  const name = (id: number): string => orgs.find((o) => o.id === id)?.name ?? t('check.unknownOrg', { id });
  const head = h('p', {}, icon('referral'), h('strong', {}, t('stock.shipmentHead', { id: s.id.toString(), packs: s.quantity, from: name(s.from), to: name(s.to) })));
  if (s.status !== 'InTransit') {
    return h('div', { class: 'entry', 'data-shipment-view': s.id.toString(), 'data-status': s.status }, head,
      h('p', {}, h('span', {}, s.status === 'Received' ? t('stock.alreadyReceived', { received: s.received ?? 0, missing: s.missing ?? 0 }) : t('stock.cancelled'))));
  }
  const count = h('input', { type: 'number', name: 'received-packs', inputmode: 'numeric', min: '0', step: '1', value: String(s.quantity), required: true }) as HTMLInputElement;
  // A serialised shipment: every pack it lists, ticked; untick the ones that did not arrive.
  const arrived = s.serials.map((serial) => h('input', { type: 'checkbox', name: 'arrived-serial', value: serial, checked: true }) as HTMLInputElement);
  const counted = s.serials.length === 0 ? field(t('stock.receivedCount'), count, t('stock.receivedHint'))
    : h('fieldset', { 'data-arrived': s.id.toString() }, h('legend', {}, t('stock.arrivedPacks')), h('p', { class: 'hint' }, t('stock.arrivedHint')),
      ...arrived.map((tick) => h('label', { class: 'check' }, tick, h('span', {}, tick.value))));
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', novalidate: true }) as HTMLFormElement;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const session = ctx.session;
    if (session === null) return;
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submit?.disabled === true) return;
    if (submit) submit.disabled = true;
    mount(result, h('p', { class: 'hint' }, t('stock.sending')));
    const missing = arrived.filter((tick) => !tick.checked).map((tick) => tick.value);
    receiveIntoStock(ctx.backend, session, { shipment: s, received: s.serials.length === 0 ? typedNumber(count) : s.quantity - missing.length, missing, actsFor }).then(() => {
      done([h('p', { class: 'note ok', role: 'status', 'data-received': s.id.toString() }, icon('ok'), h('span', {}, t('stock.receivedDone')))]);
    }, (error: unknown) => { problem(result, error); }).finally(() => { if (submit) submit.disabled = false; });
  });
  mount(form, counted,
    h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('stock.confirmReceipt'))));
  return h('div', { class: 'entry', 'data-shipment-view': s.id.toString(), 'data-status': s.status }, head, form, result);
}

function receiveForm(ctx: AppContext, actsFor: readonly number[], orgs: readonly OrganisationView[], done: Done): HTMLElement {
  const lookup = numberLookup({
    name: 'shipment-number', label: t('stock.shipmentLabel'), hint: t('stock.shipmentHint'), submit: t('stock.lookUp'),
    loading: t('stock.loading'), notANumber: t('stock.notANumber'), parse: parseShipmentId,
    show: async (id) => {
      const s = await shipmentById(ctx.backend, id);
      return s === null ? problemNote('NoSuchShipment', t('stock.noSuchShipment', { id: id.toString() })) : shipmentCard(ctx, s, actsFor, orgs, done);
    },
  });
  return h('section', { class: 'card', 'data-form': 'receive' }, h('h4', {}, icon('ok'), h('span', {}, t('stock.receiveTitle'))), lookup.form, lookup.slot);
}

/** The stock panel of one organisation: recall alerts, the lots, shipping and receiving. */
function orgPanel(ctx: AppContext, org: OrganisationView, actsFor: readonly number[], orgs: readonly OrganisationView[]): HTMLElement {
  const notice = h('div', { class: 'stock-notice', 'aria-live': 'polite' });
  const body = h('div', {}, h('p', { class: 'hint' }, t('stock.loading')));
  // An action's outcome stays above the stock, which is read again (the forms are redrawn).
  const done: Done = (shown) => { mount(notice, ...shown); void draw(); };
  const draw = async (): Promise<void> => {
    try {
      const lines = await stockLines(ctx.backend, org.id);
      const packsHere: PacksHere = new Map(await Promise.all(lines.filter((l) => l.lot.serialised)
        .map(async (l): Promise<[bigint, readonly PackView[] | null]> => [l.lot.id, await packsHeldBy(ctx.backend, l.lot.id, org.id).catch(tooManyToList)])));
      const alerts = await recallAlerts(ctx, org, lines);
      mount(body, alerts, h('h4', {}, icon('pill'), h('span', {}, t('stock.onHand'))), stockList(ctx, org, lines, actsFor, packsHere, done),
        handOverForm(ctx, org, lines, packsHere, done), await makerForms(ctx, org, actsFor, done), shipForm(ctx, org, lines, orgs, packsHere, done), receiveForm(ctx, actsFor, orgs, done));
    } catch (error) {
      problem(body, error);
    }
  };
  void draw();
  return h('section', { class: 'card', 'data-stock-org': String(org.id) },
    h('h3', {}, icon('pill'), h('span', {}, t('stock.orgTitle', { org: org.name }))),
    button('refresh', t('stock.refresh'), () => { notice.replaceChildren(); void draw(); }, { class: 'btn', 'data-action': 'refresh-stock' }), notice, body);
}

export function stockScreen(ctx: AppContext): HTMLElement {
  const slot = h('div', {}, h('p', { class: 'hint' }, t('stock.loading')));
  void (async () => {
    const session = ctx.session;
    if (session === null) return;
    try {
      const { orgs } = await ctx.registry();
      const mine = organisationsActedFor(session.address, ctx.who, orgs).filter((o) => o.kind !== 'Warehouse');
      mount(slot, ...(mine.length === 0 ? [h('p', { class: 'hint', 'data-empty': 'orgs' }, t('stock.noOrganisation'))]
        : mine.map((o) => orgPanel(ctx, o, mine.map((m) => m.id), orgs))));
    } catch (error) {
      problem(slot, error);
    }
  })();
  return h('section', { class: 'screen', 'aria-labelledby': 'stock-title' },
    h('h2', { id: 'stock-title' }, t('stock.title')), h('p', { class: 'intro' }, t('stock.intro')), slot);
}
