/**
 * The web's field-type registry, core's twin (DESIGN §3): one entry per core field type (the
 * type makes the compiler list a missing one) with its renderer and editors.
 * Code elsewhere asks `cellTypeOf(field)`; it never switches on a type.
 */
import type { FieldTypeKey } from '@multitable/core';
import { attachmentCell } from './attachment';
import type { CellType } from './cell-type';
import { checkboxCell } from './checkbox';
import { dateCell } from './date';
import { linkCell } from './link';
import { longTextCell } from './long-text';
import { multipleSelectCell } from './multiple-select';
import { numberCell } from './number';
import { personCell } from './person';
import { ratingCell } from './rating';
import {
  autoNumberCell,
  countCell,
  formulaCell,
  lookupCell,
  rollupCell,
  timeStampCell,
  userStampCell,
} from './read-only';
import { singleSelectCell } from './single-select';
import { textCell } from './text';
import { durationCell, emailCell, phoneCell, urlCell } from './text-like';

export const cellTypes: { readonly [K in FieldTypeKey]: CellType } = {
  singleLineText: textCell,
  longText: longTextCell,
  number: numberCell,
  rating: ratingCell,
  checkbox: checkboxCell,
  singleSelect: singleSelectCell,
  multipleSelect: multipleSelectCell,
  date: dateCell,
  duration: durationCell,
  phone: phoneCell,
  email: emailCell,
  url: urlCell,
  person: personCell,
  attachment: attachmentCell,
  autoNumber: autoNumberCell,
  createdTime: timeStampCell,
  modifiedTime: timeStampCell,
  createdBy: userStampCell,
  modifiedBy: userStampCell,
  link: linkCell,
  formula: formulaCell,
  lookup: lookupCell,
  rollup: rollupCell,
  count: countCell,
};

export function cellTypeOf(field: { type: FieldTypeKey }): CellType {
  return cellTypes[field.type];
}
