/**
 * Choices of single and multiple select fields: the colour palette, the options schema, the
 * option rules (names unique and non-empty, ids and colours assigned when omitted) and resolving
 * typed names to choices — adding unknown ones when typecasting. Values store choice names.
 */
import { Type, type Static } from '@sinclair/typebox';
import { isId, newId } from '../ids';
import { cleanText } from './cast-helpers';
import type { OptionsCheck } from './field-type';

/**
 * Colour tokens a choice may use, in the order new choices receive them. The web maps each token
 * to its light/dark shades; storing tokens (not hex) lets the theme change without migrating data.
 */
export const choiceColors = [
  'blue',
  'cyan',
  'teal',
  'green',
  'yellow',
  'orange',
  'red',
  'pink',
  'purple',
  'gray',
  'blueDark',
  'cyanDark',
  'tealDark',
  'greenDark',
  'yellowDark',
  'orangeDark',
  'redDark',
  'pinkDark',
  'purpleDark',
  'grayDark',
] as const;

export type ChoiceColor = (typeof choiceColors)[number];

/** `id` and `color` default to '' meaning "assign one": normalizeFieldOptions fills them in. */
export const choiceSchema = Type.Object(
  {
    id: Type.String({ default: '', description: 'cho_… id; omit to have one assigned' }),
    name: Type.String({ default: '' }),
    color: Type.String({ default: '', description: `one of ${choiceColors.join(', ')}; omit for the next free one` }),
  },
  { additionalProperties: false },
);

export type Choice = Static<typeof choiceSchema>;

export const selectOptionsSchema = Type.Object(
  { choices: Type.Array(choiceSchema, { default: [] }) },
  { additionalProperties: false },
);

// A type alias (not an interface) so that it stays assignable to Record<string, unknown>.
export type SelectOptions = { choices: Choice[] };

/** The colour a choice added at `index` receives. */
export function paletteColor(index: number): ChoiceColor {
  return choiceColors[index % choiceColors.length]!;
}

function isChoiceColor(value: string): value is ChoiceColor {
  return (choiceColors as readonly string[]).includes(value);
}

/** Trims names, assigns missing ids and colours, and refuses empty or duplicate names, bad ids and unknown colours. */
export function checkSelectOptions(options: SelectOptions): OptionsCheck<SelectOptions> {
  const seenNames = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const choices: Choice[] = [];
  for (const [index, choice] of options.choices.entries()) {
    const name = choice.name.trim();
    if (name === '') return { ok: false, path: `choices[${index}].name`, reason: 'choice name is empty' };
    if (/[\r\n]/.test(name)) return { ok: false, path: `choices[${index}].name`, reason: 'choice name cannot contain line breaks' };
    const cleaned = cleanText(name, false);
    if (!cleaned.ok) return { ok: false, path: `choices[${index}].name`, reason: cleaned.reason };
    const earlier = seenNames.get(name);
    if (earlier !== undefined) {
      return { ok: false, path: `choices[${index}].name`, reason: `duplicate choice name "${name}" (also choices[${earlier}])` };
    }
    seenNames.set(name, index);
    const id = choice.id === '' ? newId('choice') : choice.id;
    if (!isId('choice', id)) {
      return { ok: false, path: `choices[${index}].id`, reason: `"${id}" is not a choice id (cho_…); omit it to have one assigned` };
    }
    if (seenIds.has(id)) return { ok: false, path: `choices[${index}].id`, reason: `duplicate choice id "${id}"` };
    seenIds.set(id, index);
    const color = choice.color === '' ? paletteColor(index) : choice.color;
    if (!isChoiceColor(color)) {
      return { ok: false, path: `choices[${index}].color`, reason: `unknown colour "${color}"; expected one of ${choiceColors.join(', ')}` };
    }
    choices.push({ id, name, color });
  }
  return { ok: true, options: { ...options, choices } };
}

/** Result of mapping typed names onto choices: the names in canonical form and the options when choices were added. */
export type ResolvedNames =
  | { ok: true; names: string[]; added: Choice[]; options: SelectOptions }
  | { ok: false; reason: string };

/**
 * Maps names (already trimmed, non-empty) onto the field's choices. Unknown names are refused
 * naming the first one, unless `typecast`, which adds them with a new id and the next colour.
 */
export function resolveChoiceNames(names: readonly string[], options: SelectOptions, typecast: boolean): ResolvedNames {
  const known = new Set(options.choices.map((choice) => choice.name));
  const added: Choice[] = [];
  for (const name of names) {
    if (known.has(name)) continue;
    if (!typecast) return { ok: false, reason: `"${name}" is not one of the choices` };
    if (/[\r\n]/.test(name)) return { ok: false, reason: `choice name "${name}" cannot contain line breaks` };
    const choice = { id: newId('choice'), name, color: paletteColor(options.choices.length + added.length) };
    added.push(choice);
    known.add(name);
  }
  const resolvedOptions = added.length === 0 ? options : { ...options, choices: [...options.choices, ...added] };
  return { ok: true, names: [...names], added, options: resolvedOptions };
}

/** Choice names as a JSON Schema enum (an empty list admits no value). */
export function choiceNamesSchema(options: SelectOptions) {
  return Type.Union(options.choices.map((choice) => Type.Literal(choice.name)));
}

/**
 * What an options change did to a select's choices: names changed (the choice kept its id) and
 * choices gone. A choice counts as gone only when neither its id nor its name is kept — a client
 * that sends the choices without their ids renames nothing and removes nothing by that alone.
 */
export interface ChoiceChanges {
  /** Old name → new name. */
  renamed: ReadonlyMap<string, string>;
  removed: ReadonlySet<string>;
}

/** The choices `after` renamed or removed from `before`; undefined when it did neither. */
export function choiceChanges(before: SelectOptions, after: SelectOptions): ChoiceChanges | undefined {
  const afterById = new Map(after.choices.map((choice) => [choice.id, choice.name]));
  const afterNames = new Set(after.choices.map((choice) => choice.name));
  const renamed = new Map<string, string>();
  const removed = new Set<string>();
  for (const choice of before.choices) {
    const now = afterById.get(choice.id);
    if (now !== undefined && now !== choice.name) renamed.set(choice.name, now);
    else if (now === undefined && !afterNames.has(choice.name)) removed.add(choice.name);
  }
  return renamed.size > 0 || removed.size > 0 ? { renamed, removed } : undefined;
}

/** A stored choice name after `changes`: its new name, null when its choice is gone. */
export function nameAfterChoiceChanges(name: string, changes: ChoiceChanges): string | null {
  if (changes.removed.has(name)) return null;
  return changes.renamed.get(name) ?? name;
}
