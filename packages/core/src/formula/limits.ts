/**
 * The formula engine's limits, in one place. They bound the work one formula can cause: parsing
 * (text length, nesting), evaluation (steps per cell, recursion) and the size of values it builds
 * (text length, list length, regular-expression input). Exceeding a parse limit is an
 * INVALID_FORMULA refusal; exceeding an evaluation limit yields the `#LIMIT` error value.
 */
export const formulaLimits = {
  /** Characters of formula text. */
  maxLength: 10_000,
  /** Depth of the syntax tree, and nesting of parentheses, unary signs and calls while parsing. */
  maxDepth: 64,
  /** Work units per evaluation of one cell: one per node evaluated, plus per item or character functions handle. */
  stepBudget: 100_000,
  /** Characters of any text value a formula builds. */
  maxTextLength: 100_000,
  /** Items of any list value a formula builds. */
  maxListLength: 10_000,
  /** Characters of a regular expression pattern. */
  maxRegexLength: 1_000,
  /** Characters of text a regular expression runs over (its work is also charged to the step budget). */
  maxRegexInput: 100_000,
  /** Characters of a replacement text in REGEX_REPLACE. */
  maxReplacementLength: 1_000,
} as const;
