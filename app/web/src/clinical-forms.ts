// Vital signs and prescriptions as FHIR R4 resources (one resource per record, as encounter.ts
// does for visits). Vital signs are one Observation with the LOINC vital-signs panel code and a
// component per measurement (LOINC codes and UCUM units of the FHIR vital-signs profile); a
// prescription is a MedicationRequest whose dose, frequency and duration are structured as well
// as written out. References use the fixed pseudonym Patient/patient (see encounter.ts).
import type { FhirResource } from '@ruralmed/client';

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const VITAL_SIGNS_PANEL = '85353-1';

/** The measurements of the vital-signs form: LOINC code, UCUM unit, accepted range. */
export const VITALS = {
  systolic: { loinc: '8480-6', display: 'Systolic blood pressure', unit: 'mm[Hg]', shown: 'mmHg', min: 50, max: 300 },
  diastolic: { loinc: '8462-4', display: 'Diastolic blood pressure', unit: 'mm[Hg]', shown: 'mmHg', min: 20, max: 200 },
  pulse: { loinc: '8867-4', display: 'Heart rate', unit: '/min', shown: '/min', min: 20, max: 300 },
  temperature: { loinc: '8310-5', display: 'Body temperature', unit: 'Cel', shown: '°C', min: 30, max: 45 },
  weight: { loinc: '29463-7', display: 'Body weight', unit: 'kg', shown: 'kg', min: 0.5, max: 400 },
} as const;
export type Vital = keyof typeof VITALS;
export const VITAL_NAMES = Object.keys(VITALS) as Vital[];

/** The form's text per measurement; an empty one was not measured. */
export type VitalsForm = Record<Vital, string>;

export type VitalsProblem =
  | { readonly kind: 'none' }
  | { readonly kind: 'number'; readonly field: Vital }
  | { readonly kind: 'range'; readonly field: Vital; readonly min: number; readonly max: number }
  | { readonly kind: 'pressurePair' }
  | { readonly kind: 'pressureOrder' };

const parse = (text: string): number | null => {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

/** The first problem with the vital-signs form, or null. */
export function checkVitals(form: VitalsForm): VitalsProblem | null {
  const values: Partial<Record<Vital, number>> = {};
  for (const name of VITAL_NAMES) {
    const value = parse(form[name]);
    if (value === null) continue;
    if (Number.isNaN(value)) return { kind: 'number', field: name };
    const { min, max } = VITALS[name];
    if (value < min || value > max) return { kind: 'range', field: name, min, max };
    values[name] = value;
  }
  if (Object.keys(values).length === 0) return { kind: 'none' };
  if ((values.systolic === undefined) !== (values.diastolic === undefined)) return { kind: 'pressurePair' };
  if (values.systolic !== undefined && values.diastolic !== undefined && values.diastolic >= values.systolic) return { kind: 'pressureOrder' };
  return null;
}

export function buildVitals(form: VitalsForm, at: Date = new Date()): FhirResource {
  const components = VITAL_NAMES.flatMap((name) => {
    const value = parse(form[name]);
    if (value === null || Number.isNaN(value)) return [];
    const v = VITALS[name];
    return [{
      code: { coding: [{ system: LOINC, code: v.loinc, display: v.display }], text: v.display },
      valueQuantity: { value, unit: v.shown, system: UCUM, code: v.unit },
    }];
  });
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }] }],
    code: { coding: [{ system: LOINC, code: VITAL_SIGNS_PANEL, display: 'Vital signs panel' }], text: 'Vital signs' },
    subject: { reference: 'Patient/patient' },
    effectiveDateTime: at.toISOString(),
    component: components,
  };
}

/** Units a dose is given in: UCUM code, and the word shown (translated by the caller). */
export const DOSE_UNITS = ['mg', 'g', 'mL', 'tablet', 'capsule', 'drop'] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];
const UCUM_DOSE: Record<DoseUnit, string> = { mg: 'mg', g: 'g', mL: 'mL', tablet: '{tbl}', capsule: '{capsule}', drop: '[drp]' };

export interface PrescriptionForm {
  readonly medicine: string;
  readonly dose: string;
  readonly unit: DoseUnit;
  /** Times a day. */
  readonly perDay: string;
  readonly days: string;
  readonly note: string;
}

export type PrescriptionProblem =
  | { readonly kind: 'required'; readonly field: 'medicine' | 'dose' | 'perDay' | 'days' }
  | { readonly kind: 'range'; readonly field: 'dose' | 'perDay' | 'days'; readonly min: number; readonly max: number };

const LIMITS = { dose: [0.001, 10_000], perDay: [1, 12], days: [1, 365] } as const;

export function checkPrescription(form: PrescriptionForm): PrescriptionProblem | null {
  if (form.medicine.trim() === '') return { kind: 'required', field: 'medicine' };
  for (const name of ['dose', 'perDay', 'days'] as const) {
    const value = parse(form[name]);
    if (value === null || Number.isNaN(value)) return { kind: 'required', field: name };
    const [min, max] = LIMITS[name];
    if (value < min || value > max || (name !== 'dose' && !Number.isInteger(value))) return { kind: 'range', field: name, min, max };
  }
  return null;
}

/**
 * `text`: the instruction written out in the prescriber's language (FHIR's Dosage.text, what a
 * pharmacist and the patient read); the structured fields say the same for machines.
 */
export function buildPrescription(form: PrescriptionForm, text: string, at: Date = new Date()): FhirResource {
  const dose = parse(form.dose) ?? 0;
  const perDay = parse(form.perDay) ?? 0;
  const days = parse(form.days) ?? 0;
  const note = form.note.trim();
  return {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: form.medicine.trim() },
    subject: { reference: 'Patient/patient' },
    authoredOn: at.toISOString(),
    dosageInstruction: [{
      text,
      timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd', boundsDuration: { value: days, unit: 'd', system: UCUM, code: 'd' } } },
      doseAndRate: [{ doseQuantity: { value: dose, unit: form.unit, system: UCUM, code: UCUM_DOSE[form.unit] } }],
    }],
    dispenseRequest: { expectedSupplyDuration: { value: days, unit: 'd', system: UCUM, code: 'd' } },
    ...(note === '' ? {} : { note: [{ text: note }] }),
  };
}

/** Files a clinician may attach: photos and PDFs, at most 8 MB (the vault takes 16 MB bodies; base64 and encryption grow a file by a third). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
