import { describe, expect, it } from 'vitest';
import type { GraphField } from './dependency';
import { assertNoCycle, buildDependencyGraph } from './graph';

const stored = (id: string, tableId = 'A'): GraphField => ({ id, tableId, name: id, dependencies: [] });
const link = (id: string, tableId: string, linkedTableId: string, titleField: string): GraphField => ({
  id,
  tableId,
  name: id,
  linkedTableId,
  dependencies: [{ kind: 'viaLink', linkFieldId: id, targetFieldId: titleField }],
});
const formula = (id: string, reads: string[], tableId = 'A'): GraphField => ({
  id,
  tableId,
  name: id,
  dependencies: reads.map((fieldId) => ({ kind: 'sameRecord' as const, fieldId })),
});
const lookup = (id: string, tableId: string, linkFieldId: string, targetFieldId: string | null): GraphField => ({
  id,
  tableId,
  name: id,
  dependencies: [{ kind: 'viaLink', linkFieldId, targetFieldId }],
});

// Patients(name, phone) ← Visits(patient link, patientName lookup, fee, total rollup via Patients.visits link)
const fields = [
  stored('p.name', 'P'),
  stored('p.phone', 'P'),
  link('v.patient', 'V', 'P', 'p.name'),
  lookup('v.patientName', 'V', 'v.patient', 'p.name'),
  stored('v.fee', 'V'),
  link('p.visits', 'P', 'V', 'v.primary'),
  stored('v.primary', 'V'),
  lookup('p.total', 'P', 'p.visits', 'v.fee'),
  formula('p.label', ['p.name', 'p.total'], 'P'),
];

describe('dependency graph', () => {
  it('orders the computed fields a change reaches, dependencies first', () => {
    const graph = buildDependencyGraph(fields);
    expect(graph.recalculationOrder(['p.name']).map((f) => f.id)).toEqual(expect.arrayContaining(['v.patient', 'v.patientName', 'p.label']));
    expect(graph.recalculationOrder(['p.name'])).toHaveLength(3);
    const afterFee = graph.recalculationOrder(['v.fee']).map((f) => f.id);
    expect(afterFee).toEqual(['p.total', 'p.label']);
  });

  it('leaves out fields a change does not reach', () => {
    const graph = buildDependencyGraph(fields);
    expect(graph.recalculationOrder(['p.phone'])).toEqual([]);
  });

  it('puts every computed field after what it reads in a full order', () => {
    const order = buildDependencyGraph(fields).topologicalOrder().map((f) => f.id);
    expect(order.indexOf('p.total')).toBeLessThan(order.indexOf('p.label'));
    expect(order).not.toContain('p.name');
  });

  it('refuses a cycle across tables and names it', () => {
    // P.total reads V.fee through p.visits; make V.fee a lookup of P.total through v.patient.
    const cyclic = lookup('v.fee', 'V', 'v.patient', 'p.total');
    expect(() => assertNoCycle(fields, cyclic)).toThrow(/circular reference: .*v\.fee.*→.*→ v\.fee|circular reference: .*p\.total.*→.*p\.total/);
  });

  it('refuses a field that reads itself', () => {
    expect(() => assertNoCycle(fields, formula('p.self', ['p.self'], 'P'))).toThrow(/circular reference: p\.self → p\.self/);
  });

  it('refuses a dependency on a field that does not exist', () => {
    expect(() => buildDependencyGraph([formula('x', ['nope'])])).toThrow(/does not exist/);
  });
});
