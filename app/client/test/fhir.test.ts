// Category ↔ resource type, and the minimal checks before anything is encrypted.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  categoryFromIndex, categoryIndex, categoryOfResourceType, decodeResource, encodeResource, FHIR_RESOURCE_TYPE,
  RECORD_CATEGORIES, unwrapFile, validateResource, wrapFile,
} from '../src/fhir.js';
import { throwsKind } from './helpers.js';

describe('categories', () => {
  it('follow the on-chain RecordCategory order (SCALE index)', () => {
    assert.deepEqual(RECORD_CATEGORIES, [
      'Encounter', 'Observation', 'Condition', 'DiagnosticReport', 'MedicationRequest', 'MedicationDispense',
      'Immunization', 'Allergy', 'Procedure', 'Document',
    ]);
    for (const c of RECORD_CATEGORIES) assert.equal(categoryFromIndex(categoryIndex(c)), c);
    assert.equal(categoryFromIndex(10), undefined);
  });
  it('map one-to-one to FHIR resource types', () => {
    assert.equal(FHIR_RESOURCE_TYPE.Allergy, 'AllergyIntolerance');
    assert.equal(FHIR_RESOURCE_TYPE.Document, 'DocumentReference');
    for (const c of RECORD_CATEGORIES) assert.equal(categoryOfResourceType(FHIR_RESOURCE_TYPE[c]), c);
    assert.equal(new Set(Object.values(FHIR_RESOURCE_TYPE)).size, RECORD_CATEGORIES.length);
    assert.equal(categoryOfResourceType('Patient'), undefined);
  });
});

const minimal = {
  Encounter: { status: 'finished', class: { code: 'AMB' } },
  Observation: { status: 'final', code: { text: 'temperature' }, valueQuantity: { value: 38.2, unit: 'Cel' } },
  Condition: { subject: { reference: 'Patient/eve' }, code: { text: 'pneumonia' } },
  DiagnosticReport: { status: 'final', code: { text: 'CBC' } },
  MedicationRequest: { status: 'active', intent: 'order', medicationCodeableConcept: { text: 'amoxicillin 500 mg' }, subject: { reference: 'Patient/eve' } },
  MedicationDispense: { status: 'completed', medicationCodeableConcept: { text: 'amoxicillin 500 mg' } },
  Immunization: { status: 'completed', vaccineCode: { text: 'MR' }, patient: { reference: 'Patient/eve' }, occurrenceDateTime: '2026-11-30' },
  Allergy: { patient: { reference: 'Patient/eve' }, code: { text: 'penicillin' } },
  Procedure: { status: 'completed', subject: { reference: 'Patient/eve' } },
  Document: { status: 'current', content: [{ attachment: { contentType: 'text/plain', data: 'aGk=' } }] },
} as const;

describe('validation', () => {
  for (const c of RECORD_CATEGORIES) {
    it(`${c}: a minimal ${FHIR_RESOURCE_TYPE[c]} passes and round-trips; without its mandatory elements it fails`, () => {
      const resource = { resourceType: FHIR_RESOURCE_TYPE[c], ...minimal[c] };
      assert.deepEqual(decodeResource(encodeResource(resource, c), c), resource);
      throwsKind(() => validateResource({ resourceType: FHIR_RESOURCE_TYPE[c] }, c), 'InvalidFhir');
    });
  }
  it('refuses a resource of another category, a bad id, and bytes that are not JSON', () => {
    throwsKind(() => validateResource({ resourceType: 'Encounter', ...minimal.Encounter }, 'Observation'), 'CategoryMismatch');
    throwsKind(() => validateResource({ resourceType: 'Encounter', id: 'has space', ...minimal.Encounter }, 'Encounter'), 'InvalidFhir');
    throwsKind(() => decodeResource(new Uint8Array([0xff, 0xfe]), 'Encounter'), 'InvalidFhir');
    throwsKind(() => validateResource({ resourceType: 'DocumentReference', status: 'current', content: [{}] }, 'Document'), 'InvalidFhir');
  });
  it('wraps a file as a DocumentReference and back', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 tiny');
    const doc = wrapFile(pdf, { contentType: 'application/pdf', title: 'Referral letter', subject: 'Patient/eve', date: '2026-11-30' });
    assert.equal(doc.resourceType, 'DocumentReference');
    const back = unwrapFile(decodeResource(encodeResource(doc, 'Document'), 'Document'));
    assert.deepEqual(back.bytes, pdf);
    assert.equal(back.contentType, 'application/pdf');
  });
});
