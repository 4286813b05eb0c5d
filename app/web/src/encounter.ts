// The visit form's data as one FHIR R4 Encounter (docs/encryption.md §2: one resource per
// record). The diagnosis is a contained Condition coded in ICD-10; findings and plan, which
// R4's Encounter has no element for, are RuralMed extensions. References use the fixed
// pseudonym Patient/patient: the anchor on chain says whose record it is, and no name or
// account id goes into the payload.
import type { FhirResource } from '@ruralmed/client';

export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
export const FINDINGS_URL = 'https://ruralmed.example/fhir/StructureDefinition/encounter-findings';
export const PLAN_URL = 'https://ruralmed.example/fhir/StructureDefinition/encounter-plan';

/** ICD-10: a letter, two digits (or digit + letter for U/V codes), optionally . and 1–4 more. */
const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

export interface EncounterForm {
  readonly complaint: string;
  readonly findings: string;
  readonly icd10: string;
  readonly diagnosis: string;
  readonly plan: string;
}

export type EncounterProblem = { readonly kind: 'required'; readonly field: keyof EncounterForm } | { readonly kind: 'icd10' };

/** The first problem with the form, or null. */
export function checkEncounter(form: EncounterForm): EncounterProblem | null {
  for (const name of ['complaint', 'findings', 'icd10', 'diagnosis', 'plan'] as const) {
    if (form[name].trim() === '') return { kind: 'required', field: name };
  }
  if (!ICD10.test(normaliseIcd10(form.icd10))) return { kind: 'icd10' };
  return null;
}

export function normaliseIcd10(code: string): string {
  return code.trim().toUpperCase();
}

export function buildEncounter(form: EncounterForm, at: Date = new Date()): FhirResource {
  const code = normaliseIcd10(form.icd10);
  return {
    resourceType: 'Encounter',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    period: { start: at.toISOString() },
    reasonCode: [{ text: form.complaint.trim() }],
    contained: [{
      resourceType: 'Condition',
      id: 'dx',
      subject: { reference: 'Patient/patient' },
      code: { coding: [{ system: ICD10_SYSTEM, code, display: form.diagnosis.trim() }], text: form.diagnosis.trim() },
    }],
    diagnosis: [{ condition: { reference: '#dx' }, rank: 1 }],
    extension: [
      { url: FINDINGS_URL, valueString: form.findings.trim() },
      { url: PLAN_URL, valueString: form.plan.trim() },
    ],
  };
}

/** The visit form's fields back from an Encounter this app wrote (to correct it). */
export function encounterForm(resource: FhirResource): EncounterForm {
  const r = resource as Record<string, unknown>;
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : []);
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const ext = (url: string): string => text(list(r.extension).find((e) => e.url === url)?.valueString);
  const condition = list(r.contained).find((c) => c.id === 'dx');
  const code = condition?.code as { coding?: { code?: string }[]; text?: string } | undefined;
  return {
    complaint: text(list(r.reasonCode)[0]?.text),
    findings: ext(FINDINGS_URL),
    icd10: text(code?.coding?.[0]?.code),
    diagnosis: text(code?.text),
    plan: ext(PLAN_URL),
  };
}
