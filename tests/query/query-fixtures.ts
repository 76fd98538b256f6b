/**
 * Fixed data of the query tests: the table's fields (every registered type the tests know),
 * users and uploads the casts accept, adversarial strings, select choices, days and instants
 * around DST changes and zone midnights, and the canary that must never appear in SQL text.
 */
import { getFieldType, normalizeFieldOptions, type CastContext, type Field } from '@multitable/core';
import { fieldsOfRegisteredTypes } from './query-table';

export const canary = 'CANARY-NID-7731';
export const tableId = 'tbl_queryparity00001';

export const users = ['usr_alice00000000000', 'usr_bob0000000000000', 'usr_carol00000000000'];
export const attachments = ['att_report0000000000', 'att_photo00000000000', 'att_scan000000000000'].map((id, i) => ({
  id,
  name: ['report.pdf', "o'neil \"scan\".png", 'x%_\\.txt'][i]!,
  size: [1024, 10, 2048][i]!,
  mimeType: 'application/octet-stream',
}));

export const adversarialStrings = [
  "'; DROP TABLE patients; --",
  "'",
  "''",
  '"',
  '\\',
  '\\\\',
  '--',
  '/*',
  '*/',
  '%',
  '_',
  'a%b',
  'a_b',
  'x\ny',
  '\r\n',
  '\t',
  '\u0001',
  '\u202Eevil',
  '\u200F',
  'مرحبا',
  '😀',
  '👍🏽',
  '中文',
  '\u3000',
  '\uFEFF',
  'é',
  'É',
  'e\u0301',
  'ß',
  'SS',
  'İ',
  'ı',
  'K',
  '\u212A',
  'Straße',
  'ÉCOLE',
  'École',
  'ΣΊΣΥΦΟΣ',
  'ς',
  'ǅ',
  'ﬀ',
  'ÅÄÖ',
  '\u212B',
  'SELECT',
  'select * from t',
  'NULL',
  'null',
  '[]',
  '["a"]',
  '?',
  '?|',
  '$1',
  ' a',
  'a ',
  'A',
  'a',
  'ab',
  'AbC',
  'abc',
  'ABC',
  `${'x'.repeat(10_000)}Needle`,
  canary,
];

/** Records of the table the link field points at: titles that collide by case, quote, escape and order. */
export const linkedTableId = 'tbl_patients00000000';
export const linkedRecords = [
  'Ann',
  'ANN',
  'ann lee',
  "'; DROP TABLE patients; --",
  'É',
  'é',
  '\u212Aelvin',
  'x\ny',
  'a"b\\c',
  '\u0001',
  '中文',
  '',
  '[]',
  canary,
].map((title, i) => ({ id: `rec_linked${String(i).padStart(10, '0')}`, title }));

export const choiceNames = ['open', 'Open', "'; DROP TABLE patients; --", 'a%b', 'Ä', 'ä', '😀', 'x"y', 'a,b', canary];

const wanted = [
  { type: 'singleLineText', name: 'Name' },
  { type: 'longText', name: 'Notes' },
  { type: 'number', name: 'Score' },
  { type: 'rating', name: 'Stars' },
  { type: 'checkbox', name: 'Done' },
  { type: 'singleSelect', name: 'Status', options: { choices: choiceNames.map((name) => ({ name })) } },
  { type: 'multipleSelect', name: 'Tags', options: { choices: choiceNames.map((name) => ({ name })) } },
  { type: 'person', name: 'Owners' },
  { type: 'date', name: 'Due' },
  { type: 'date', name: 'Due at', options: { includeTime: true } },
  { type: 'date', name: 'Due at NY', options: { includeTime: true, timeZone: 'America/New_York' } },
  { type: 'attachment', name: 'Files' },
  { type: 'autoNumber', name: 'No.' },
  { type: 'createdTime', name: 'Created' },
  { type: 'createdBy', name: 'Creator' },
  { type: 'link', name: 'Patients', options: { linkedTableId } },
];

const registered = fieldsOfRegisteredTypes(tableId, wanted);
export const missingTypes = registered.missing;
export const fields: Field[] = registered.fields.map((field) => ({ ...field, options: normalizeFieldOptions(field.type, field.options) }));

const castContext: CastContext = {
  typecast: false,
  timeZone: 'UTC',
  now: new Date('2024-05-01T00:00:00Z'),
  users: { byId: (id) => (users.includes(id) ? { id, name: id, email: `${id}@example.com` } : undefined), byText: () => undefined },
  attachments: { byId: (id) => attachments.find((file) => file.id === id) },
  links: {
    byId: (tableId, id) => (tableId === linkedTableId ? linkedRecords.find((record) => record.id === id) : undefined),
    byTitle: () => undefined,
  },
};

/** The canonical value a raw cell becomes through the field type's strict cast (null when refused). */
export function canonical(field: Field, raw: unknown): unknown {
  const result = getFieldType(field.type).cast(raw, field.options, castContext);
  return result.ok ? result.value : null;
}

export const days = ['2024-03-09', '2024-03-10', '2024-03-11', '2024-04-30', '2024-05-01', '2024-05-02', '2023-12-31', '2024-02-29', '0001-01-01', '9999-12-31'];
export const instants = [
  '2024-03-10T04:59:59.999Z',
  '2024-03-10T05:00:00.000Z',
  '2024-03-11T03:59:59.999Z',
  '2024-03-11T04:00:00.000Z',
  '2024-04-30T15:59:59.999Z',
  '2024-04-30T16:00:00.000Z',
  '2024-05-01T15:59:59.999Z',
  '2024-11-03T04:00:00.000Z',
  '2024-11-04T04:59:59.999Z',
  '2024-11-04T05:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
];
export const nows = ['2024-03-10T12:00:00Z', '2024-03-11T03:30:00Z', '2024-11-03T12:00:00Z', '2024-05-01T03:00:00Z', '2024-04-30T17:00:00Z'];
export const zones = ['Asia/Shanghai', 'America/New_York', 'UTC'];
