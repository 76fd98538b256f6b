/**
 * The operand editors of the filter builder, one per operand kind (./filter-model.ts decides
 * which a condition needs). Text and numbers are saved a moment after typing stops, picks at
 * once. Dates are an exact day or one relative to today (today, N days ago …), spans a period
 * (past week, this month, next N days …): the relative forms core resolves when the view is read.
 */
import { DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiField } from '../../api/tables';
import type { UserSummary } from '../../api/users';
import { choicesOf, type OperandKind } from './filter-model';

export interface OperandEditorProps {
  field: ApiField;
  /** Several values (is any of …) rather than one. */
  many: boolean;
  value: unknown;
  users: readonly UserSummary[];
  onChange(value: unknown): void;
}

const typingDelay = 400;

/** Local text that reaches `onChange` once typing pauses (or on Enter / leaving the box). */
function useTypedValue<T>(value: T, onChange: (value: T) => void): [T, (next: T) => void, () => void] {
  const [local, setLocal] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<{ value: T } | null>(null);
  // The timer may fire after other changes to the filter: it must hand the value to the latest `onChange`.
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  useEffect(() => setLocal(value), [value]);
  const flush = () => {
    clearTimeout(timer.current);
    if (pending.current) latestOnChange.current(pending.current.value);
    pending.current = null;
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const set = (next: T) => {
    setLocal(next);
    pending.current = { value: next };
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, typingDelay);
  };
  return [local, set, flush];
}

function TextOperand({ value, onChange }: OperandEditorProps) {
  const { t } = useTranslation();
  const [text, setText, flush] = useTypedValue(typeof value === 'string' ? value : '', (next) => onChange(next === '' ? undefined : next));
  return <Input className="mt-filter-operand" placeholder={t('filter.enterValue')} value={text} onChange={(event) => setText(event.target.value)} onBlur={flush} onPressEnter={flush} />;
}

function NumberOperand({ value, onChange }: OperandEditorProps) {
  const { t } = useTranslation();
  const [number, setNumber, flush] = useTypedValue(typeof value === 'number' ? value : null, (next) => onChange(next ?? undefined));
  return <InputNumber className="mt-filter-operand" placeholder={t('filter.enterNumber')} value={number} onChange={(next) => setNumber(typeof next === 'number' ? next : null)} onBlur={flush} onPressEnter={flush} />;
}

function BooleanOperand({ value, onChange }: OperandEditorProps) {
  const { t } = useTranslation();
  return (
    <Select
      className="mt-filter-operand"
      value={typeof value === 'boolean' ? value : undefined}
      placeholder={t('filter.pick')}
      options={[
        { value: true, label: t('grid.checked') },
        { value: false, label: t('grid.unchecked') },
      ]}
      onChange={onChange}
     
    />
  );
}

function ChoiceOperand({ field, many, value, onChange }: OperandEditorProps) {
  const { t } = useTranslation();
  const choices = choicesOf(field);
  const listed = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return (
    <Select
      className="mt-filter-operand"
      mode={many ? (choices.length > 0 ? 'multiple' : 'tags') : undefined}
      allowClear
      maxTagCount={3}
      placeholder={t(choices.length > 0 ? 'filter.pick' : 'filter.enterValue')}
      value={many ? listed : (value as string | undefined)}
      options={choices.map((name) => ({ value: name, label: name }))}
      onChange={(next: unknown) => onChange(Array.isArray(next) && next.length === 0 ? undefined : (next ?? undefined))}
     
    />
  );
}

/** The operand "me" stands for whoever looks at the view. */
export const meOperand = 'me';

function PeopleOperand({ many, value, users, onChange }: OperandEditorProps) {
  const { t } = useTranslation();
  const listed = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return (
    <Select
      className="mt-filter-operand"
      mode={many ? 'multiple' : undefined}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      maxTagCount={3}
      placeholder={t('filter.pickPeople')}
      value={many ? listed : (value as string | undefined)}
      options={[{ value: meOperand, label: t('filter.me') }, ...users.map((user) => ({ value: user.id, label: user.name }))]}
      onChange={(next: unknown) => onChange(Array.isArray(next) && next.length === 0 ? undefined : (next ?? undefined))}
     
    />
  );
}

/** Relative days core knows (filters/dates): modes with `days` take a number too. */
const dayModes = ['today', 'tomorrow', 'yesterday', 'oneWeekAgo', 'oneWeekFromNow', 'oneMonthAgo', 'oneMonthFromNow', 'daysAgo', 'daysFromNow', 'exactDate'] as const;
const spanModes = ['pastWeek', 'pastMonth', 'pastYear', 'nextWeek', 'nextMonth', 'nextYear', 'thisWeek', 'thisMonth', 'thisYear', 'pastNumberOfDays', 'nextNumberOfDays'] as const;
const modesWithDays = new Set<string>(['daysAgo', 'daysFromNow', 'pastNumberOfDays', 'nextNumberOfDays']);

/** `'2024-03-10'` → exactDate; `{ mode, days? }` as is. */
function specOf(value: unknown): { mode?: string; days?: number; date?: string } {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? { mode: 'exactDate', date: value } : { mode: value };
  if (value && typeof value === 'object') return value as { mode?: string; days?: number; date?: string };
  return {};
}

function RelativeDate({ modes, value, onChange }: { modes: readonly string[]; value: unknown; onChange(value: unknown): void }) {
  const { t } = useTranslation();
  const spec = specOf(value);
  // "Exact date" with no day picked yet has no operand to save: the choice is kept here meanwhile.
  const [pickedMode, setPickedMode] = useState(spec.mode);
  const mode = spec.mode ?? pickedMode;
  const [days, setDays, flush] = useTypedValue(spec.days ?? null, (next) => onChange(next === null ? { mode } : { mode, days: next }));
  const pickMode = (next: string) => {
    setPickedMode(next);
    if (next === 'exactDate') onChange(spec.date);
    else if (modesWithDays.has(next)) onChange({ mode: next, days: spec.days ?? 7 });
    else onChange({ mode: next });
  };
  return (
    <Space.Compact className="mt-filter-operand">
      <Select className="mt-filter-date-mode" value={mode} placeholder={t('filter.pick')} options={modes.map((key) => ({ value: key, label: t(`filter.dates.${key}`) }))} onChange={pickMode} data-testid="filter-date-mode" popupMatchSelectWidth={false} />
      {mode === 'exactDate' && (
        <DatePicker value={spec.date ? dayjs(spec.date) : null} onChange={(day) => onChange(day ? day.format('YYYY-MM-DD') : undefined)} placeholder={t('grid.pickDate')} data-testid="filter-date" />
      )}
      {mode !== undefined && modesWithDays.has(mode) && (
        <InputNumber min={0} precision={0} value={days} onChange={(next) => setDays(typeof next === 'number' ? next : null)} onBlur={flush} suffix={t('filter.days')} data-testid="filter-days" />
      )}
    </Space.Compact>
  );
}

const DayOperand = ({ value, onChange }: OperandEditorProps) => <RelativeDate modes={dayModes} value={value} onChange={onChange} />;
const SpanOperand = ({ value, onChange }: OperandEditorProps) => <RelativeDate modes={spanModes} value={value} onChange={onChange} />;

export const operandEditors: { readonly [K in Exclude<OperandKind, 'none'>]: ComponentType<OperandEditorProps> } = {
  text: TextOperand,
  number: NumberOperand,
  boolean: BooleanOperand,
  choice: ChoiceOperand,
  choices: ChoiceOperand,
  people: PeopleOperand,
  day: DayOperand,
  span: SpanOperand,
};
