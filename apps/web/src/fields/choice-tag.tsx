/** One select choice as a coloured pill. */
import type { Choice } from '@multitable/core';
import { choiceStyle } from './choice-colors';

export function ChoiceTag({ name, choices }: { name: string; choices: readonly Choice[] }) {
  const choice = choices.find((candidate) => candidate.name === name);
  return (
    <span className="mt-choice-tag" style={choiceStyle(choice?.color ?? 'gray')} title={name}>
      {name}
    </span>
  );
}

export function choicesOf(options: Record<string, unknown>): Choice[] {
  return Array.isArray(options.choices) ? (options.choices as Choice[]) : [];
}
