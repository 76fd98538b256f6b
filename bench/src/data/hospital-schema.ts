/**
 * The hospital's tables as API field inputs: Patients (10,000) and Visits (1,000,000) with about
 * twenty fields of the types the issue lists. Stored fields are created with the table; the link,
 * lookup, rollup and formulas are added afterwards in the shapes issue 3 gives them, because the
 * server may not know those types yet (they are then reported as not available).
 */
import { allergies, bloodTypes, departments, symptoms, visitTypes } from './vocabulary';

export interface FieldSpec {
  name: string;
  type: string;
  options?: Record<string, unknown>;
}

const choices = (names: readonly string[]) => ({ choices: names.map((name) => ({ name })) });
const currency = { format: 'currency', precision: 2, currencySymbol: '¥', allowNegative: false };

export const patientsTableName = 'Patients';
export const visitsTableName = 'Visits';
export const loadTableName = 'Visits (load test)';

export const patientFields: FieldSpec[] = [
  { name: 'Name', type: 'singleLineText' },
  { name: 'National ID', type: 'singleLineText' },
  { name: 'Phone', type: 'phone' },
  { name: 'Date of birth', type: 'date', options: { includeTime: false } },
  { name: 'Blood type', type: 'singleSelect', options: choices(bloodTypes) },
  { name: 'Allergies', type: 'multipleSelect', options: choices(allergies) },
  { name: 'Balance', type: 'number', options: currency },
];

/** Stored fields of Visits; the first is the primary field. */
export const visitStoredFields: FieldSpec[] = [
  { name: 'Visit No.', type: 'singleLineText' },
  { name: 'Department', type: 'singleSelect', options: choices(departments) },
  { name: 'Doctor', type: 'person', options: { multiple: false, notify: false } },
  { name: 'Visit date', type: 'date', options: { includeTime: false } },
  { name: 'Visit type', type: 'singleSelect', options: choices(visitTypes) },
  { name: 'Symptoms', type: 'multipleSelect', options: choices(symptoms) },
  { name: 'Diagnosis', type: 'singleLineText' },
  { name: 'Clinical notes', type: 'longText' },
  { name: 'Fee', type: 'number', options: currency },
  { name: 'Insurance paid', type: 'number', options: currency },
  { name: 'Paid', type: 'checkbox' },
  { name: 'Follow-up needed', type: 'checkbox' },
  { name: 'Priority', type: 'rating', options: { max: 5 } },
  { name: 'Wait minutes', type: 'number', options: { precision: 0 } },
  { name: 'Room', type: 'singleLineText' },
  { name: 'Contact phone', type: 'phone' },
];

/** Names of the computed fields of the data (issue 3's types). */
export const computedNames = {
  patientLink: 'Patient',
  patientName: 'Patient name',
  patientBalance: 'Patient balance',
  feeTimesTwo: 'Fee x2',
  patientDue: 'Patient due',
  /** On Patients: the rollup over a patient's visits (10,000 for the walk-in patient). */
  totalFees: 'Total fees',
  /** On Patients: the link back to the visits, when the server makes links two-way. */
  visitsLink: 'Visits',
} as const;

export const linkField = (linkedTableId: string, multiple: boolean): FieldSpec => ({
  name: computedNames.patientLink,
  type: 'link',
  options: { linkedTableId, multiple },
});

export const lookupField = (name: string, linkFieldId: string, targetFieldId: string): FieldSpec => ({
  name,
  type: 'lookup',
  options: { linkFieldId, targetFieldId },
});

export const rollupField = (name: string, linkFieldId: string, targetFieldId: string): FieldSpec => ({
  name,
  type: 'rollup',
  options: { linkFieldId, targetFieldId, aggregation: 'sum' },
});

export const formulaField = (name: string, formula: string): FieldSpec => ({ name, type: 'formula', options: { formula } });

/** The two formulas of the data. */
export const dataFormulas: FieldSpec[] = [
  formulaField(computedNames.feeTimesTwo, '{Fee} * 2'),
  formulaField(computedNames.patientDue, '{Fee} - {Insurance paid}'),
];

/** The formula the "fill a new formula field" figure adds to every record. */
export const newFormula = formulaField('Fee with tax', '{Fee} * 1.06');
