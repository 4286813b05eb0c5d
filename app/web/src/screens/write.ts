// Clinician: write a record for the patient found on the Patient screen: a visit (complaint,
// findings, ICD-10 diagnosis, plan), vital signs, a prescription, or a photo or PDF. Saved with
// @ruralmed/client's writeRecord: encrypt, upload, anchor, mark anchored, share keys with
// patient, guardian and author; nothing half-done. A visit can be written as the corrected
// version of an earlier one (an amendment), prefilled from it.
import { isGs1Text, isValidGtin } from '@ruralmed/client';

import type { AppContext } from '../app';
import { AppError, handOverMedicine, keepRecord, keptSummary, mustKeep, saveRecord, type RecordContent } from '../chain';
import {
  ATTACHMENT_TYPES, DOSE_UNITS, MAX_ATTACHMENT_BYTES, VITALS, VITAL_NAMES,
  buildPrescription, buildVitals, checkPrescription, checkVitals, type PrescriptionForm, type Vital, type VitalsForm,
} from '../clinical-forms';
import { button, field, h, icon, mount, type IconName } from '../dom';
import { buildEncounter, checkEncounter, encounterForm, type EncounterForm } from '../encounter';
import { explain } from '../errors';
import { t } from '../i18n';
import { orgName, personName } from '../names';

const LABELS: Record<keyof EncounterForm, string> = {
  complaint: 'write.complaint', findings: 'write.findings', icd10: 'write.icd', diagnosis: 'write.diagnosis', plan: 'write.plan',
};

const KINDS = [['visit', 'write'], ['vitals', 'pulse'], ['prescription', 'pill'], ['file', 'attach']] as const satisfies readonly (readonly [string, IconName])[];
type Kind = (typeof KINDS)[number][0];

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Packs handed over with a prescription, from the clinic's stock (a GS1 GTIN and lot). */
export interface HandOver {
  readonly gtin: string;
  readonly lotNumber: string;
  readonly quantity: number;
  readonly display: string;
  readonly dosageText: string;
}

/** What a form gives the save button: the record (and packs to hand over), or the control to fix and why. */
type Built = { readonly content: RecordContent; readonly handOver?: HandOver } | { readonly problem: string; readonly control: Control };

interface FormPart {
  readonly fields: HTMLElement[];
  readonly controls: Control[];
  build(): Promise<Built>;
}

const text = (name: string, props: Record<string, string> = {}): HTMLInputElement =>
  h('input', { type: 'text', name, autocomplete: 'off', ...props }) as HTMLInputElement;
const number = (name: string, step = 'any'): HTMLInputElement =>
  h('input', { type: 'text', inputmode: 'decimal', name, autocomplete: 'off', 'data-step': step }) as HTMLInputElement;

function visitPart(prefill: EncounterForm | null): FormPart {
  const area = (name: string): HTMLTextAreaElement => h('textarea', { name, rows: '3' }) as HTMLTextAreaElement;
  const c = { complaint: area('complaint'), findings: area('findings'), icd10: text('icd10', { autocapitalize: 'characters', maxlength: '8' }), diagnosis: text('diagnosis'), plan: area('plan') };
  if (prefill !== null) for (const name of Object.keys(c) as (keyof EncounterForm)[]) c[name].value = prefill[name];
  return {
    controls: Object.values(c),
    fields: [
      field(t('write.complaint'), c.complaint, t('write.complaintHint')),
      field(t('write.findings'), c.findings, t('write.findingsHint')),
      field(t('write.icd'), c.icd10, t('write.icdHint')),
      field(t('write.diagnosis'), c.diagnosis, t('write.diagnosisHint')),
      field(t('write.plan'), c.plan, t('write.planHint')),
    ],
    build() {
      const values: EncounterForm = { complaint: c.complaint.value, findings: c.findings.value, icd10: c.icd10.value, diagnosis: c.diagnosis.value, plan: c.plan.value };
      const problem = checkEncounter(values);
      if (problem === null) return Promise.resolve({ content: { category: 'Encounter', resource: buildEncounter(values) } });
      const name = problem.kind === 'required' ? problem.field : 'icd10';
      return Promise.resolve({ control: c[name], problem: problem.kind === 'required' ? t('write.required', { field: t(LABELS[problem.field]) }) : t('write.icdInvalid') });
    },
  };
}

function vitalsPart(): FormPart {
  const c = Object.fromEntries(VITAL_NAMES.map((n) => [n, number(n)])) as Record<Vital, HTMLInputElement>;
  const label = (n: Vital): string => `${t(`vitals.${n}Field`)} (${VITALS[n].shown})`;
  return {
    controls: Object.values(c),
    fields: [
      h('p', { class: 'hint' }, t('vitals.intro')),
      h('div', { class: 'pair' }, field(label('systolic'), c.systolic), field(label('diastolic'), c.diastolic)),
      field(label('pulse'), c.pulse), field(label('temperature'), c.temperature), field(label('weight'), c.weight),
    ],
    build() {
      const values = Object.fromEntries(VITAL_NAMES.map((n) => [n, c[n].value])) as VitalsForm;
      const problem = checkVitals(values);
      if (problem === null) return Promise.resolve({ content: { category: 'Observation', resource: buildVitals(values) } });
      switch (problem.kind) {
        case 'none': return Promise.resolve({ control: c.systolic, problem: t('vitals.none') });
        case 'number': return Promise.resolve({ control: c[problem.field], problem: t('vitals.notNumber', { field: label(problem.field) }) });
        case 'range': return Promise.resolve({ control: c[problem.field], problem: t('vitals.range', { field: label(problem.field), min: problem.min, max: problem.max }) });
        case 'pressurePair': return Promise.resolve({ control: c.systolic.value.trim() === '' ? c.systolic : c.diastolic, problem: t('vitals.pressurePair') });
        case 'pressureOrder': return Promise.resolve({ control: c.diastolic, problem: t('vitals.pressureOrder') });
      }
    },
  };
}

function prescriptionPart(): FormPart {
  const c = {
    medicine: text('medicine'),
    dose: number('dose'),
    unit: h('select', { name: 'dose-unit' }, ...DOSE_UNITS.map((u) => h('option', { value: u }, t(`doseUnit.${u}_other`)))) as HTMLSelectElement,
    perDay: number('per-day', '1'),
    days: number('days', '1'),
    note: h('textarea', { name: 'rx-note', rows: '2' }) as HTMLTextAreaElement,
  };
  // Handed over now from the clinic's own stock (optional): the pack's GTIN and lot, as printed
  // (or scanned) on it, and how many packs.
  const give = {
    gtin: text('give-gtin', { inputmode: 'numeric', maxlength: '14' }),
    lot: text('give-lot', { autocapitalize: 'characters', maxlength: '20' }),
    packs: number('give-packs', '1'),
  };
  const labels = { medicine: t('rx.medicine'), dose: t('rx.dose'), perDay: t('rx.perDay'), days: t('rx.days') };
  return {
    controls: [...Object.values(c), ...Object.values(give)],
    fields: [
      field(labels.medicine, c.medicine, t('rx.medicineHint')),
      h('div', { class: 'pair' }, field(labels.dose, c.dose), field(t('rx.unit'), c.unit)),
      field(labels.perDay, c.perDay, t('rx.perDayHint')), field(labels.days, c.days), field(t('rx.note'), c.note, t('rx.noteHint')),
      h('fieldset', { class: 'stack hand-over' }, h('legend', {}, t('rx.giveTitle')), h('p', { class: 'hint' }, t('rx.giveHint')),
        field(t('rx.giveGtin'), give.gtin, t('rx.giveGtinHint')), field(t('rx.giveLot'), give.lot), field(t('rx.givePacks'), give.packs)),
    ],
    build() {
      const unit = DOSE_UNITS.find((u) => u === c.unit.value) ?? 'mg';
      const values: PrescriptionForm = { medicine: c.medicine.value, dose: c.dose.value, unit, perDay: c.perDay.value, days: c.days.value, note: c.note.value };
      const problem = checkPrescription(values);
      if (problem !== null) {
        return Promise.resolve({
          control: c[problem.field],
          problem: problem.kind === 'required' ? t('write.required', { field: labels[problem.field] }) : t('rx.range', { field: labels[problem.field], min: problem.min, max: problem.max }),
        });
      }
      // The instruction as the prescriber writes it, in their language.
      const dose = Number(values.dose.replace(',', '.'));
      const instruction = t('rx.instruction', {
        dose: `${dose} ${t(`doseUnit.${unit}`, { count: dose })}`,
        often: t('fhir.timesADay', { count: Number(values.perDay) }),
        long: t('fhir.days', { count: Number(values.days) }),
      });
      const content: RecordContent = { category: 'MedicationRequest', resource: buildPrescription(values, instruction) };
      const [gtin, lot, packs] = [give.gtin.value.trim(), give.lot.value.trim(), give.packs.value.trim()];
      if (gtin === '' && lot === '' && packs === '') return Promise.resolve({ content });
      if (!isValidGtin(gtin)) return Promise.resolve({ control: give.gtin, problem: t('rx.giveGtinInvalid') });
      if (!isGs1Text(lot)) return Promise.resolve({ control: give.lot, problem: t('rx.giveLotInvalid') });
      const quantity = Number(packs);
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100) return Promise.resolve({ control: give.packs, problem: t('rx.range', { field: t('rx.givePacks'), min: 1, max: 100 }) });
      const display = values.medicine.trim();
      return Promise.resolve({ content, handOver: { gtin, lotNumber: lot, quantity, display, dosageText: values.note.trim() === '' ? instruction : `${instruction}. ${values.note.trim()}` } });
    },
  };
}

function filePart(): FormPart {
  const file = h('input', { type: 'file', name: 'file', accept: ATTACHMENT_TYPES.join(','), capture: 'environment' }) as HTMLInputElement;
  const title = text('file-title');
  return {
    controls: [file, title],
    fields: [field(t('attach.file'), file, t('attach.fileHint')), field(t('attach.title'), title, t('attach.titleHint'))],
    async build() {
      const chosen = file.files?.[0];
      if (chosen === undefined) return { control: file, problem: t('attach.none') };
      if (!(ATTACHMENT_TYPES as readonly string[]).includes(chosen.type)) return { control: file, problem: t('attach.type') };
      if (chosen.size > MAX_ATTACHMENT_BYTES) return { control: file, problem: t('attach.tooBig', { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 }) };
      if (title.value.trim() === '') return { control: title, problem: t('write.required', { field: t('attach.title') }) };
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      return { content: { category: 'Document', file: { bytes, contentType: chosen.type, title: title.value.trim(), subject: 'Patient/patient', date: new Date().toISOString() } } };
    },
  };
}

export function writeScreen(ctx: AppContext): HTMLElement {
  const root = h('section', { class: 'screen', 'aria-labelledby': 'write-title' });
  const patient = ctx.patient;
  const orgs = ctx.who?.practitioner?.organisations ?? [];
  if (patient === null) {
    mount(root, h('h2', { id: 'write-title' }, t('clinician.write')),
      h('p', { class: 'note warn' }, icon('warning'), h('span', {}, t('clinician.noPatient'))),
      h('a', { class: 'btn primary', href: '#/patient' }, icon('search'), h('span', {}, t('clinician.findTitle'))));
    return root;
  }
  const amending = ctx.amending;
  const title = h('h2', { id: 'write-title' }, t('clinician.write'));
  void personName(ctx, patient).then((name) => { title.textContent = t('write.titleFor', { name }); });

  const org = h('select', { name: 'org' }) as HTMLSelectElement;
  void Promise.all(orgs.map(async (id) => h('option', { value: String(id) }, await orgName(ctx, id)))).then((options) => { org.replaceChildren(...options); });
  const message = h('div', { class: 'message', 'aria-live': 'polite' });
  const partSlot = h('div', { class: 'stack' });
  const submit = h('button', { type: 'submit', class: 'btn primary' }, icon('lock'), h('span', {}, t('write.save'))) as HTMLButtonElement;
  let kind: Kind = 'visit';
  let part: FormPart = visitPart(amending === null ? null : encounterForm(amending.resource));

  const showPart = (next: Kind): void => {
    kind = next;
    part = next === 'visit' ? visitPart(null) : next === 'vitals' ? vitalsPart() : next === 'prescription' ? prescriptionPart() : filePart();
    mount(partSlot, ...part.fields);
    message.replaceChildren();
    // A problem reported earlier goes away as soon as the form is being corrected.
    for (const c of part.controls) {
      c.addEventListener('input', () => { if (c.getAttribute('aria-invalid') === 'true') { c.removeAttribute('aria-invalid'); message.replaceChildren(); } });
    }
  };

  const kinds = amending !== null ? null : h('fieldset', { class: 'kinds' }, h('legend', {}, t('write.what')),
    ...KINDS.map(([k, i]) => h('div', { class: 'kind' },
      h('input', { type: 'radio', name: 'kind', id: `kind-${k}`, value: k, checked: k === 'visit', onChange: () => { showPart(k); } }),
      h('label', { for: `kind-${k}` }, icon(i), h('span', {}, t(`write.kind.${k}`))))));

  const form = h('form', { class: 'card stack', novalidate: true, onSubmit: (e: Event) => {
    e.preventDefault();
    const session = ctx.session;
    if (session === null || submit.disabled) return;
    for (const c of part.controls) c.removeAttribute('aria-invalid');
    submit.disabled = true;
    void part.build().then(async (built) => {
      if ('problem' in built) {
        built.control.setAttribute('aria-invalid', 'true');
        built.control.focus();
        mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, built.problem)));
        return;
      }
      mount(message, h('p', { class: 'note' }, t('write.saving')));
      try {
        // Offline (or older work still waiting): encrypted and kept on this phone, sent in order later.
        if (await mustKeep(ctx.backend, session)) {
          if (built.handOver !== undefined) throw new AppError('HandOverOffline');
          const kept = await keepRecord(ctx.backend, session, { patient, org: Number(org.value), content: built.content, ...(amending === null ? {} : { amends: amending.record }) });
          const { waiting } = await keptSummary();
          ctx.outboxChanged();
          if (amending !== null) ctx.amending = null;
          (form as HTMLFormElement).reset();
          showPart(kind);
          mount(message, h('p', { class: 'note ok', 'data-kept': kept.id, 'data-kind': kind }, icon('ok'), h('span', {}, t('outbox.kept', { count: waiting })),
            ' ', h('a', { href: '#/outbox', class: 'inline-btn' }, t('outbox.open'))));
          return;
        }
        const id = await saveRecord(ctx.backend, session, { patient, org: Number(org.value), content: built.content, ...(amending === null ? {} : { amends: amending.record }) });
        if (built.handOver !== undefined) {
          const handOver = built.handOver;
          mount(message, h('p', { class: 'note' }, t('rx.giving', { id: id.toString() })));
          try {
            const given = await handOverMedicine(ctx.backend, session, { patient, org: Number(org.value), prescription: id, ...handOver });
            (form as HTMLFormElement).reset();
            showPart(kind);
            mount(message, h('p', { class: 'note ok', 'data-saved-record': id.toString(), 'data-dispense-record': given.recordId.toString(), 'data-kind': kind }, icon('ok'),
              h('span', {}, t('rx.given', { id: id.toString(), packs: handOver.quantity, lot: handOver.lotNumber, record: given.recordId.toString() }))));
          } catch (error) {
            // The prescription stands on its own (the patient can take it to a pharmacy).
            mount(message, h('p', { class: 'note error', role: 'alert', 'data-saved-record': id.toString(), 'data-dispense-failed': 'true' }, icon('error'), h('span', {}, t('rx.notGiven', { id: id.toString(), reason: explain(error) }))));
          }
          return;
        }
        mount(message, h('p', { class: 'note ok', 'data-saved-record': id.toString(), 'data-kind': kind }, icon('ok'),
          h('span', {}, amending === null ? t('write.saved', { id: id.toString() }) : t('write.savedAmendment', { id: id.toString(), old: amending.record.toString() }))));
        if (amending !== null) {
          ctx.amending = null;
          mount(root, title, message, h('a', { class: 'btn', href: '#/patient' }, icon('back'), h('span', {}, t('common.back'))));
          return;
        }
        (form as HTMLFormElement).reset();
        showPart(kind);
        mount(message, h('p', { class: 'note ok', 'data-saved-record': id.toString(), 'data-kind': kind }, icon('ok'), h('span', {}, t('write.saved', { id: id.toString() }))));
      } catch (error) {
        mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
      }
    }).finally(() => { submit.disabled = false; });
  } },
    amending === null ? null : h('p', { class: 'note warn', 'data-amending': amending.record.toString() }, icon('write'), h('span', {}, t('write.amending', { id: amending.record.toString() }))),
    kinds, field(t('write.org'), org), partSlot, submit,
    amending === null ? null : button('back', t('write.cancelAmend'), () => { ctx.amending = null; ctx.navigate('patient'); }, { class: 'btn quiet' }));
  mount(partSlot, ...part.fields);
  for (const c of part.controls) {
    c.addEventListener('input', () => { if (c.getAttribute('aria-invalid') === 'true') { c.removeAttribute('aria-invalid'); message.replaceChildren(); } });
  }
  mount(root, title, form, message);
  return root;
}
