/** A formula value kind in the user's language: "number", "list of text" (core's `list<text>`). */
import type { ValueKind } from '@multitable/core';
import type { TFunction } from 'i18next';

export function valueKindText(kind: ValueKind, t: TFunction): string {
  return typeof kind === 'string' ? t(`fieldDesign.valueKinds.${kind}`) : t('fieldDesign.listOf', { kind: valueKindText(kind.list, t) });
}
