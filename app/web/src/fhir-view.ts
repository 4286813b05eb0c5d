// A FHIR resource as a short list of labelled lines a villager can read. Only what a person
// needs on screen; the full resource stays in the record.
import type { FhirResource } from '@ruralmed/client';

import { LOINC, VITALS, VITAL_NAMES, type Vital } from './clinical-forms';
import { FINDINGS_URL, PLAN_URL } from './encounter';
import { formatTime, t } from './i18n';

export interface Line {
  readonly label: string;
  readonly value: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** CodeableConcept → "text (CODE)" or the first coding's display and code. */
function concept(v: unknown): string | null {
  const c = obj(v);
  if (c === null) return null;
  const coding = obj(arr(c.coding)[0]);
  const label = str(c.text) ?? str(coding?.display);
  const code = str(coding?.code);
  if (label !== null && code !== null) return `${label} (${code})`;
  return label ?? code;
}

function when(v: unknown): string | null {
  const s = str(v);
  if (s === null) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? s : formatTime(ms);
}

function extension(resource: Json, url: string): string | null {
  const found = arr(resource.extension).map(obj).find((e) => e?.url === url);
  return str(found?.valueString);
}

function quantity(v: unknown): string | null {
  const q = obj(v);
  if (q === null) return null;
  const value = q.value;
  return typeof value === 'number' ? `${value} ${str(q.unit) ?? ''}`.trim() : null;
}

export function readableLines(resource: FhirResource): Line[] {
  const r = resource as unknown as Json;
  const lines: [string, string | null][] = [];
  switch (resource.resourceType) {
    case 'Encounter': {
      const contained = arr(r.contained).map(obj);
      const diagnoses = arr(r.diagnosis).map((d) => {
        const ref = str(obj(obj(d)?.condition)?.reference);
        const condition = ref?.startsWith('#') === true ? contained.find((c) => c?.id === ref.slice(1)) : null;
        return concept(condition?.code);
      }).filter((d): d is string => d !== null);
      lines.push(
        ['fhir.date', when(obj(r.period)?.start)],
        ['fhir.complaint', arr(r.reasonCode).map(concept).filter((x): x is string => x !== null).join('; ') || null],
        ['fhir.findings', extension(r, FINDINGS_URL)],
        ['fhir.diagnosis', diagnoses.join('; ') || null],
        ['fhir.plan', extension(r, PLAN_URL)],
      );
      break;
    }
    case 'Observation': {
      const vitals = vitalSigns(r);
      if (vitals.length > 0) {
        lines.push(['fhir.date', when(r.effectiveDateTime)], ...vitals);
        break;
      }
      lines.push(['fhir.date', when(r.effectiveDateTime)], ['fhir.code', concept(r.code)], ['fhir.value', quantity(r.valueQuantity) ?? str(r.valueString) ?? concept(r.valueCodeableConcept)]);
      break;
    }
    case 'Condition':
      lines.push(['fhir.diagnosis', concept(r.code)], ['fhir.date', when(r.recordedDate)]);
      break;
    case 'MedicationRequest': {
      const dosage = obj(arr(r.dosageInstruction)[0]);
      const dose = obj(obj(arr(dosage?.doseAndRate)[0])?.doseQuantity);
      const repeat = obj(obj(dosage?.timing)?.repeat);
      const days = obj(repeat?.boundsDuration)?.value ?? obj(obj(r.dispenseRequest)?.expectedSupplyDuration)?.value;
      const unit = str(dose?.unit);
      lines.push(
        ['fhir.date', when(r.authoredOn)],
        ['fhir.medicine', concept(r.medicationCodeableConcept)],
        ['fhir.dose', typeof dose?.value === 'number' && unit !== null ? `${dose.value} ${t(`doseUnit.${unit}`, { count: dose.value, defaultValue: unit })}` : null],
        ['fhir.howOften', typeof repeat?.frequency === 'number' && repeat.periodUnit === 'd' ? t('fhir.timesADay', { count: repeat.frequency }) : null],
        ['fhir.howLong', typeof days === 'number' ? t('fhir.days', { count: days }) : null],
        ['fhir.instruction', arr(r.dosageInstruction).map((d) => str(obj(d)?.text)).filter((x): x is string => x !== null).join('; ') || null],
      );
      break;
    }
    case 'MedicationDispense': {
      // The medicine is a contained Medication when the record carries its batch (`#med`).
      const ref = str(obj(r.medicationReference)?.reference);
      const contained = ref?.startsWith('#') === true ? arr(r.contained).map(obj).find((c) => c?.id === ref.slice(1)) ?? null : null;
      const batch = obj(contained?.batch);
      const packs = obj(r.quantity)?.value;
      lines.push(
        ['fhir.date', when(r.whenHandedOver)],
        ['fhir.medicine', concept(r.medicationCodeableConcept) ?? concept(contained?.code)],
        ['fhir.batch', str(batch?.lotNumber)],
        ['fhir.packs', typeof packs === 'number' ? String(packs) : null],
        ['fhir.note', arr(r.dosageInstruction).map((d) => str(obj(d)?.text)).filter((x): x is string => x !== null).join('; ') || null],
      );
      break;
    }
    case 'DocumentReference': {
      const attachment = obj(obj(arr(r.content)[0])?.attachment);
      const size = attachment?.size;
      lines.push(
        ['fhir.file', str(attachment?.title)],
        ['fhir.fileType', str(attachment?.contentType) === 'application/pdf' ? t('fhir.pdf') : str(attachment?.contentType)?.startsWith('image/') === true ? t('fhir.photo') : str(attachment?.contentType)],
        ['fhir.fileSize', typeof size === 'number' ? t('fhir.kilobytes', { size: Math.max(1, Math.round(size / 1024)) }) : null],
        ['fhir.date', when(r.date)],
      );
      break;
    }
    default:
      lines.push(['fhir.code', concept(r.code) ?? concept(r.vaccineCode)]);
  }
  lines.push(['fhir.note', arr(r.note).map((n) => str(obj(n)?.text)).filter((x): x is string => x !== null).join('; ') || null]);
  return lines.filter((l): l is [string, string] => l[1] !== null).map(([label, value]) => ({ label: t(label), value }));
}

/** The vital signs of an Observation with LOINC-coded components, blood pressure as one line. */
function vitalSigns(r: Json): [string, string | null][] {
  const found = new Map<Vital, string>();
  for (const c of arr(r.component).map(obj)) {
    const coding = arr(obj(c?.code)?.coding).map(obj).find((x) => x?.system === LOINC);
    const name = VITAL_NAMES.find((n) => VITALS[n].loinc === coding?.code);
    const q = obj(c?.valueQuantity);
    if (name === undefined || typeof q?.value !== 'number') continue;
    found.set(name, String(q.value));
  }
  const out: [string, string | null][] = [];
  const systolic = found.get('systolic');
  const diastolic = found.get('diastolic');
  if (systolic !== undefined && diastolic !== undefined) out.push(['vitals.pressure', `${systolic}/${diastolic} ${VITALS.systolic.shown}`]);
  for (const name of ['pulse', 'temperature', 'weight'] as const) {
    const value = found.get(name);
    if (value !== undefined) out.push([`vitals.${name}`, `${value} ${VITALS[name].shown}`]);
  }
  return out;
}
