// The payload of every envelope is one FHIR R4 resource, JSON, UTF-8. Each on-chain
// `RecordCategory` admits exactly one resource type, so the category anchored on chain, the
// category byte in the envelope header and the decrypted resource must all agree.

import { base64Decode, base64Encode } from '@polkadot/util-crypto';

import { EnvelopeError } from './errors.js';

/**
 * `RecordCategory` of `pallets/primitives`, in declaration order: the position is the SCALE
 * index, which is also the category byte of the envelope header.
 */
export const RECORD_CATEGORIES = [
  'Encounter',
  'Observation',
  'Condition',
  'DiagnosticReport',
  'MedicationRequest',
  'MedicationDispense',
  'Immunization',
  'Allergy',
  'Procedure',
  'Document',
] as const;

export type RecordCategory = (typeof RECORD_CATEGORIES)[number];

/** The one FHIR R4 resource type each category carries. */
export const FHIR_RESOURCE_TYPE: Readonly<Record<RecordCategory, string>> = {
  Encounter: 'Encounter',
  Observation: 'Observation',
  Condition: 'Condition',
  DiagnosticReport: 'DiagnosticReport',
  MedicationRequest: 'MedicationRequest',
  MedicationDispense: 'MedicationDispense',
  Immunization: 'Immunization',
  Allergy: 'AllergyIntolerance',
  Procedure: 'Procedure',
  Document: 'DocumentReference',
};

/**
 * The elements FHIR R4 makes mandatory (minimum cardinality 1) at the top level of each
 * resource. `medication[x]` and `occurrence[x]` are choice elements: any `medication…` /
 * `occurrence…` key satisfies them. This is a guard against sending the wrong thing, not a
 * full profile validation.
 */
const REQUIRED: Readonly<Record<RecordCategory, readonly string[]>> = {
  Encounter: ['status', 'class'],
  Observation: ['status', 'code'],
  Condition: ['subject'],
  DiagnosticReport: ['status', 'code'],
  MedicationRequest: ['status', 'intent', 'medication[x]', 'subject'],
  MedicationDispense: ['status', 'medication[x]'],
  Immunization: ['status', 'vaccineCode', 'patient', 'occurrence[x]'],
  Allergy: ['patient'],
  Procedure: ['status', 'subject'],
  Document: ['status', 'content'],
};

/** A FHIR resource as parsed JSON: an object with a `resourceType`. */
export interface FhirResource {
  readonly resourceType: string;
  readonly [element: string]: unknown;
}

export function categoryIndex(category: RecordCategory): number {
  return RECORD_CATEGORIES.indexOf(category);
}

export function categoryFromIndex(index: number): RecordCategory | undefined {
  return RECORD_CATEGORIES[index];
}

export function isRecordCategory(value: unknown): value is RecordCategory {
  return typeof value === 'string' && (RECORD_CATEGORIES as readonly string[]).includes(value);
}

/** The category whose resource type this is, if any. */
export function categoryOfResourceType(resourceType: string): RecordCategory | undefined {
  return RECORD_CATEGORIES.find((c) => FHIR_RESOURCE_TYPE[c] === resourceType);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const present = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/**
 * Checks that `resource` is a FHIR R4 resource of the type `category` carries, with its
 * mandatory top-level elements; throws `InvalidFhir` or `CategoryMismatch`.
 */
export function validateResource(resource: unknown, category: RecordCategory): FhirResource {
  if (!isObject(resource) || typeof resource.resourceType !== 'string') {
    throw new EnvelopeError('InvalidFhir', 'the payload is not a FHIR resource (no resourceType)');
  }
  const expected = FHIR_RESOURCE_TYPE[category];
  if (resource.resourceType !== expected) {
    throw new EnvelopeError(
      'CategoryMismatch',
      `a ${category} record carries a FHIR ${expected}, not a ${resource.resourceType}`,
    );
  }
  if (resource.id !== undefined && !(typeof resource.id === 'string' && /^[A-Za-z0-9\-.]{1,64}$/.test(resource.id))) {
    throw new EnvelopeError('InvalidFhir', 'the resource id is not a FHIR id');
  }
  for (const element of REQUIRED[category]) {
    const ok = element.endsWith('[x]')
      ? Object.entries(resource).some(([k, v]) => k.startsWith(element.slice(0, -3)) && present(v))
      : present(resource[element]);
    if (!ok) throw new EnvelopeError('InvalidFhir', `a FHIR ${expected} needs ${element}`);
  }
  if (category === 'Document') {
    const content = resource.content;
    if (!Array.isArray(content) || !content.every((c) => isObject(c) && isObject(c.attachment))) {
      throw new EnvelopeError('InvalidFhir', 'every DocumentReference.content needs an attachment');
    }
  }
  return resource as FhirResource;
}

/** Validates and serialises a resource to the UTF-8 JSON bytes an envelope encrypts. */
export function encodeResource(resource: unknown, category: RecordCategory): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(validateResource(resource, category)));
}

/** Parses decrypted bytes and checks them against the category. */
export function decodeResource(bytes: Uint8Array, category: RecordCategory): FhirResource {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new EnvelopeError('InvalidFhir', 'the payload is not UTF-8 JSON', { cause });
  }
  return validateResource(parsed, category);
}

/** What describes a file wrapped as a document. */
export interface FileDescription {
  /** MIME type of the file, e.g. `application/pdf`, `image/jpeg`. */
  readonly contentType: string;
  /** A human title, e.g. "Chest X-ray report". */
  readonly title?: string;
  /** FHIR reference to the patient, e.g. `Patient/eve` (never a name or national id). */
  readonly subject?: string;
  /** When the document was made, ISO 8601. */
  readonly date?: string;
}

/**
 * Wraps a file (scan, PDF, image) as a FHIR R4 DocumentReference with the bytes inline in
 * `content[0].attachment.data` (base64), for a `Document` record. Inline rather than a FHIR
 * Binary so that the envelope stays one self-describing resource with one content hash.
 */
export function wrapFile(file: Uint8Array, description: FileDescription): FhirResource {
  const attachment: Record<string, unknown> = {
    contentType: description.contentType,
    data: base64Encode(file),
    size: file.length,
  };
  if (description.title !== undefined) attachment.title = description.title;
  const doc: Record<string, unknown> = { resourceType: 'DocumentReference', status: 'current', content: [{ attachment }] };
  if (description.subject !== undefined) doc.subject = { reference: description.subject };
  if (description.date !== undefined) doc.date = description.date;
  return validateResource(doc, 'Document');
}

/** The file bytes of a wrapped document (its first inline attachment). */
export function unwrapFile(resource: FhirResource): { bytes: Uint8Array; contentType: string } {
  const doc = validateResource(resource, 'Document');
  const first: unknown = (doc.content as unknown[])[0];
  const attachment = isObject(first) && isObject(first.attachment) ? first.attachment : undefined;
  if (attachment === undefined || typeof attachment.data !== 'string' || typeof attachment.contentType !== 'string') {
    throw new EnvelopeError('InvalidFhir', 'the DocumentReference has no inline attachment');
  }
  return { bytes: base64Decode(attachment.data), contentType: attachment.contentType };
}
