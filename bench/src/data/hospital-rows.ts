/**
 * The records themselves, generated from the seed: `visitValues(i)` and `patientValues(p)` give
 * canonical cell values keyed by field name (the API's input form, which `typecast` never needs).
 * Record i is the same whichever batch or process asks for it (see random.ts).
 */
import { randomFor, type Random } from '../random';
import type { Scale } from '../scale';
import {
  allergies,
  bloodTypes,
  departments,
  diagnoses,
  familyNames,
  givenNames,
  noteFragments,
  rareDiagnosis,
  rareDiagnosisShare,
  symptoms,
  visitTypes,
} from './vocabulary';

export type CellValues = Record<string, unknown>;

const visitStream = 1;
const patientStream = 2;
const dayMs = 86_400_000;
const firstVisitDay = Date.UTC(2020, 0, 1);

function money(value: number): number {
  return Math.round(value * 100) / 100;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function phoneNumber(random: Random): string {
  return `+86 1${random.int(3, 9)}${random.int(0, 9)} ${random.int(1000, 9999)} ${random.int(1000, 9999)}`;
}

/** The walk-in patient (index 0) is the parent of `scale.walkInVisits` visits. */
export function patientIndexOfVisit(scale: Scale, visit: number): number {
  const step = Math.max(1, Math.floor(scale.visits / scale.walkInVisits));
  if (visit % step === 0 && visit / step < scale.walkInVisits) return 0;
  return 1 + randomFor(scale.seed, visitStream + 100, visit).int(0, scale.patients - 2);
}

export function visitNumber(visit: number): string {
  return `V${String(visit + 1).padStart(7, '0')}`;
}

export function visitValues(scale: Scale, visit: number, doctorIds: readonly string[]): CellValues {
  const random = randomFor(scale.seed, visitStream, visit);
  const fee = money(20 + random.next() * random.next() * 2980);
  const values: CellValues = {
    'Visit No.': visitNumber(visit),
    Department: random.pick(departments),
    Doctor: [random.pick(doctorIds)],
    'Visit date': isoDay(firstVisitDay + random.int(0, 1826) * dayMs),
    'Visit type': random.pick(visitTypes),
    Symptoms: random.sample(symptoms, random.int(1, 3)),
    Diagnosis: random.chance(rareDiagnosisShare) ? rareDiagnosis : random.pick(diagnoses),
    'Clinical notes': random.sample(noteFragments, random.int(2, 4)).join(' '),
    Fee: fee,
    'Insurance paid': money(fee * random.next() * 0.8),
    Paid: random.chance(0.8),
    'Follow-up needed': random.chance(0.25),
    'Wait minutes': random.int(0, 240),
    Room: `${String.fromCharCode(65 + random.int(0, 5))}-${random.int(1, 9)}${String(random.int(1, 40)).padStart(2, '0')}`,
    'Contact phone': phoneNumber(random),
  };
  if (!random.chance(0.1)) values.Priority = random.int(1, 5);
  return values;
}

export function patientName(patient: number): string {
  if (patient === 0) return 'Walk-in (unidentified)';
  const random = randomFor(0, patientStream + 100, patient);
  return `${random.pick(familyNames)}${random.pick(givenNames)} ${String(patient).padStart(5, '0')}`;
}

export function patientValues(scale: Scale, patient: number): CellValues {
  const random = randomFor(scale.seed, patientStream, patient);
  const values: CellValues = {
    Name: patientName(patient),
    'National ID': `${random.int(110000, 659999)}${random.int(1940, 2023)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}${random.int(1000, 9999)}`,
    Phone: phoneNumber(random),
    'Date of birth': isoDay(Date.UTC(1940, 0, 1) + random.int(0, 30_000) * dayMs),
    'Blood type': random.pick(bloodTypes),
    Balance: money(random.next() * 5000),
  };
  const allergyCount = random.int(0, 2);
  if (allergyCount > 0) values.Allergies = random.sample(allergies, allergyCount);
  return values;
}
