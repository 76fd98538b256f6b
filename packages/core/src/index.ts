/** @multitable/core — the pure engine: field types, filters, schemas. No I/O, runs anywhere. */
export * from './errors';
export * from './ids';
export * from './json-limits';
export * from './fields/field';
export * from './fields/field-type';
export * from './fields/registry';
export * from './fields/field-options';
export * from './fields/convert-value';
export * from './fields/cast-helpers';
export * from './fields/text-helpers';
export * from './fields/number-helpers';
export * from './fields/choices';
export * from './fields/date-values';
export * from './fields/date-parsing';
export * from './fields/people';
// Field types are reached through the registry; their files export option types and option constants.
export type { SingleLineTextOptions } from './fields/types/single-line-text';
export type { LongTextOptions } from './fields/types/long-text';
export { numberFormats, type NumberOptions } from './fields/types/number';
export { ratingIcons, type RatingOptions } from './fields/types/rating';
export type { CheckboxOptions } from './fields/types/checkbox';
export type { SingleSelectOptions } from './fields/types/single-select';
export type { MultipleSelectOptions } from './fields/types/multiple-select';
export type { DateOptions } from './fields/types/date';
export { durationFormats, type DurationOptions } from './fields/types/duration';
export { maxPhoneLength, type PhoneOptions } from './fields/types/phone';
export { maxEmailLength, type EmailOptions } from './fields/types/email';
export { allowedUrlSchemes, maxUrlLength, type UrlOptions } from './fields/types/url';
export type { PersonOptions } from './fields/types/person';
export type { AttachmentOptions } from './fields/types/attachment';
export type { AutoNumberOptions } from './fields/types/auto-number';
export type { CreatedTimeOptions } from './fields/types/created-time';
export type { ModifiedTimeOptions } from './fields/types/modified-time';
export type { CreatedByOptions } from './fields/types/created-by';
export type { ModifiedByOptions } from './fields/types/modified-by';
export { isLinkField, recordTitle, type LinkOptions, type LinkValue } from './fields/types/link';
export {
  computedResultOperators,
  formulaDisplayText,
  formulaIsTimeDependent,
  formulaResolver,
  prepareFormulaOptions,
  type FormulaOptions,
} from './fields/types/formula';
export { lookupQueryProfile, prepareLookupOptions, type LookupOptions } from './fields/types/lookup';
export {
  prepareRollupOptions,
  rollupAggregations,
  rollupFormulaDisplayText,
  rollupFormulaText,
  rollupValuesReference,
  type RollupAggregation,
  type RollupOptions,
} from './fields/types/rollup';
export { prepareCountOptions, type CountOptions } from './fields/types/count';
export * from './fields/computed/index';
export * from './fields/value-kinds';
export * from './filters/index';
export * from './grouping/index';
export * from './records/field-index';
export * from './records/cast-records';
export * from './views/view-config';
export * from './views/view-without-field';
export * from './formula/index';
export * from './computed/index';
export * from './permissions/index';
export * from './views/view-types';
export type * from './api/schema-shapes';
export type * from './api/record-shapes';
export type * from './api/access-shapes';
