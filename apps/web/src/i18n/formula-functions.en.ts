/**
 * What the formula function reference says about each of core's functions, in English: one line
 * on what it does (checked against core's implementation in packages/core/src/formula/functions)
 * and an example written `formula → result`. Keyed by the function's name; a unit test
 * (./formula-functions.test.ts) fails when a core function has no entry here or in the Chinese file.
 */
export interface FunctionDoc {
  description: string;
  example: string;
}

export const formulaFunctionsEn = {
  // Text
  CONCATENATE: { description: 'Joins its arguments into one text, without separators.', example: 'CONCATENATE({Name}, " - ", 2026) → "Ada - 2026"' },
  LEFT: { description: 'The first characters of a text (1 when no count is given).', example: 'LEFT("Multitable", 5) → "Multi"' },
  RIGHT: { description: 'The last characters of a text (1 when no count is given).', example: 'RIGHT("Multitable", 5) → "table"' },
  MID: { description: 'Characters from a 1-based start position, as many as count.', example: 'MID("Multitable", 6, 3) → "tab"' },
  LEN: { description: 'The number of characters in a text.', example: 'LEN("Hello") → 5' },
  LOWER: { description: 'The text in lower case.', example: 'LOWER("Hello") → "hello"' },
  UPPER: { description: 'The text in upper case.', example: 'UPPER("Hello") → "HELLO"' },
  TRIM: { description: 'The text without spaces at its start and end.', example: 'TRIM("  Hello  ") → "Hello"' },
  FIND: { description: 'The 1-based position of one text in another, case-sensitive; 0 when absent.', example: 'FIND("t", "Multitable") → 4' },
  SEARCH: { description: 'Like FIND but ignoring case; empty when absent.', example: 'SEARCH("TABLE", "Multitable") → 6' },
  SUBSTITUTE: { description: 'Replaces every occurrence of old text with new text, or only the given occurrence.', example: 'SUBSTITUTE("a-b-c", "-", "/") → "a/b/c"' },
  REPLACE: { description: 'Replaces count characters from a 1-based start position with other text.', example: 'REPLACE("2025-Q1", 1, 4, "2026") → "2026-Q1"' },
  REPT: { description: 'The text repeated a number of times.', example: 'REPT("★", 3) → "★★★"' },
  T: { description: 'The value when it is text, otherwise empty.', example: 'T(42) → empty' },
  ENCODE_URL_COMPONENT: { description: 'The text encoded for use in a URL.', example: 'ENCODE_URL_COMPONENT("a b&c") → "a%20b%26c"' },
  REGEX_MATCH: { description: 'Whether the text matches a regular expression (RE2 syntax).', example: 'REGEX_MATCH("Order 123", "\\d+") → TRUE' },
  REGEX_EXTRACT: { description: 'The first part of the text matching a regular expression; empty when none.', example: 'REGEX_EXTRACT("Order 123", "\\d+") → "123"' },
  REGEX_REPLACE: { description: 'Replaces every match of a regular expression with other text.', example: 'REGEX_REPLACE("a1b22", "\\d+", "#") → "a#b#"' },
  // Numeric
  ABS: { description: 'The number without its sign.', example: 'ABS(-3.5) → 3.5' },
  ROUND: { description: 'Rounds to the given decimal places (0 by default), halves away from zero.', example: 'ROUND(2.345, 2) → 2.35' },
  ROUNDUP: { description: 'Rounds away from zero to the given decimal places.', example: 'ROUNDUP(2.341, 2) → 2.35' },
  ROUNDDOWN: { description: 'Rounds toward zero to the given decimal places.', example: 'ROUNDDOWN(2.349, 2) → 2.34' },
  CEILING: { description: 'Rounds up to the nearest multiple of significance (1 by default).', example: 'CEILING(7, 5) → 10' },
  FLOOR: { description: 'Rounds down to the nearest multiple of significance (1 by default).', example: 'FLOOR(7, 5) → 5' },
  INT: { description: 'Rounds down to a whole number.', example: 'INT(-2.5) → -3' },
  MOD: { description: 'The remainder of a division, with the sign of the divisor.', example: 'MOD(10, 3) → 1' },
  POWER: { description: 'A number raised to a power.', example: 'POWER(2, 10) → 1024' },
  SQRT: { description: 'The square root of a number that is not negative.', example: 'SQRT(16) → 4' },
  EXP: { description: 'e raised to a power.', example: 'EXP(1) → 2.718281828…' },
  LOG: { description: 'The logarithm of a number to a base (10 by default).', example: 'LOG(8, 2) → 3' },
  SUM: { description: 'Adds the numbers among its arguments and lists, exactly for decimals.', example: 'SUM(0.1, 0.2) → 0.3' },
  AVERAGE: { description: 'The mean of the numbers among its arguments and lists.', example: 'AVERAGE(2, 4, 9) → 5' },
  MIN: { description: 'The smallest number, or the earliest date when all are dates.', example: 'MIN(3, 1, 2) → 1' },
  MAX: { description: 'The largest number, or the latest date when all are dates.', example: 'MAX(3, 1, 2) → 3' },
  COUNT: { description: 'How many items are numbers (or text that reads as a number).', example: 'COUNT(1, "2", "x", BLANK()) → 2' },
  COUNTA: { description: 'How many items are not empty.', example: 'COUNTA(1, "x", BLANK()) → 2' },
  COUNTALL: { description: 'How many items there are, empty ones included.', example: 'COUNTALL(1, "x", BLANK()) → 3' },
  VALUE: { description: 'Reads text as a number; empty stays empty.', example: 'VALUE("1,234.5") → 1234.5' },
  // Logical
  IF: { description: 'One value when the condition is true, another (or empty) when it is not.', example: 'IF({Price} > 100, "High", "Low") → "High" when Price is 150' },
  IFS: { description: 'The value of the first true condition, from condition–value pairs; empty when none is true.', example: 'IFS({Price} > 100, "High", {Price} > 10, "Mid") → "Mid" when Price is 50' },
  SWITCH: { description: 'Compares a value with each pattern and gives the matching result, or the last argument as default.', example: 'SWITCH(2, 1, "One", 2, "Two", "Many") → "Two"' },
  AND: { description: 'True when every condition is true (lists included).', example: 'AND(TRUE(), 1 > 0) → TRUE' },
  OR: { description: 'True when any condition is true.', example: 'OR(FALSE(), 1 > 0) → TRUE' },
  XOR: { description: 'True when an odd number of the conditions are true.', example: 'XOR(TRUE(), TRUE()) → FALSE' },
  NOT: { description: 'The opposite truth value.', example: 'NOT({Done}) → TRUE when Done is unticked' },
  TRUE: { description: 'The value true.', example: 'TRUE() → TRUE' },
  FALSE: { description: 'The value false.', example: 'FALSE() → FALSE' },
  BLANK: { description: 'An empty value.', example: 'IF({Done}, "Done", BLANK()) → empty when not done' },
  ISBLANK: { description: 'Whether the value is empty.', example: 'ISBLANK("") → TRUE' },
  ERROR: { description: 'An error with the given reason.', example: 'ERROR("Missing price") → #ERROR' },
  ISERROR: { description: 'Whether the value is an error.', example: 'ISERROR(1 / 0) → TRUE' },
  IFERROR: { description: 'The value, or the fallback when the value is an error.', example: 'IFERROR(1 / 0, 0) → 0' },
  // Date and time
  NOW: { description: 'The current date and time; refreshed over time.', example: 'NOW() → 2026-03-05 14:30 (the moment it is computed)' },
  TODAY: { description: 'Today’s date at midnight, in the base’s time zone.', example: 'TODAY() → 2026-03-05' },
  DATEADD: { description: 'The date plus a count of units (days, weeks, months, hours…); negative counts go back.', example: 'DATEADD("2026-01-31", 1, "months") → 2026-02-28' },
  DATETIME_DIFF: { description: 'date1 minus date2 in whole units (seconds by default), truncated toward zero.', example: 'DATETIME_DIFF("2026-03-10", "2026-03-05", "days") → 5' },
  DATEDIF: { description: 'Excel’s DATEDIF: whole years (Y), months (M), days (D), or MD, YM, YD between start and end.', example: 'DATEDIF("2024-03-05", "2026-03-04", "Y") → 1' },
  DATETIME_FORMAT: { description: 'The date as text in a format such as YYYY-MM-DD (ISO 8601 by default).', example: 'DATETIME_FORMAT("2026-03-05", "YYYY/MM/DD") → "2026/03/05"' },
  DATETIME_PARSE: { description: 'Reads text as a date, with an optional format and locale.', example: 'DATETIME_PARSE("05.03.2026", "DD.MM.YYYY") → 2026-03-05' },
  IS_BEFORE: { description: 'Whether date1 is before date2.', example: 'IS_BEFORE("2026-03-05", "2026-03-06") → TRUE' },
  IS_AFTER: { description: 'Whether date1 is after date2.', example: 'IS_AFTER("2026-03-05", "2026-03-06") → FALSE' },
  IS_SAME: { description: 'Whether two dates fall in the same unit (same instant when no unit is given).', example: 'IS_SAME("2026-03-05", "2026-03-28", "month") → TRUE' },
  SET_TIMEZONE: { description: 'The same moment, shown in another time zone (an IANA name).', example: 'HOUR(SET_TIMEZONE("2026-03-05T00:00:00Z", "Asia/Shanghai")) → 8' },
  YEAR: { description: 'The year of a date.', example: 'YEAR("2026-03-05") → 2026' },
  MONTH: { description: 'The month of a date, 1 to 12.', example: 'MONTH("2026-03-05") → 3' },
  DAY: { description: 'The day of the month, 1 to 31.', example: 'DAY("2026-03-05") → 5' },
  HOUR: { description: 'The hour of a date, 0 to 23.', example: 'HOUR("2026-03-05 14:30") → 14' },
  MINUTE: { description: 'The minute of a date, 0 to 59.', example: 'MINUTE("2026-03-05 14:30") → 30' },
  SECOND: { description: 'The second of a date, 0 to 59.', example: 'SECOND("2026-03-05 14:30:15") → 15' },
  WEEKDAY: { description: 'The day of the week, 0 to 6, from Sunday (or from "Monday").', example: 'WEEKDAY("2026-03-05") → 4' },
  WEEKNUM: { description: 'The week of the year; week 1 holds January 1st, weeks start on Sunday (or "Monday").', example: 'WEEKNUM("2026-01-05") → 2' },
  WORKDAY: { description: 'The date a number of working days (Monday to Friday, less holidays) after start.', example: 'WORKDAY("2026-03-06", 1) → 2026-03-09' },
  WORKDAY_DIFF: { description: 'Working days from start to end, both included, less holidays.', example: 'WORKDAY_DIFF("2026-03-02", "2026-03-13") → 10' },
  NETWORKDAYS: { description: 'Working days from start to end, as WORKDAY_DIFF counts them (Excel’s name for it).', example: 'NETWORKDAYS("2026-03-02", "2026-03-06") → 5' },
  // Lists
  ARRAYJOIN: { description: 'Joins the items of a list into text, with ", " or the given separator.', example: 'ARRAYJOIN({Tags}, " / ") → "red / blue / red" for tags red, blue, red' },
  ARRAYUNIQUE: { description: 'The list without repeated items (the first of each stays).', example: 'ARRAYUNIQUE({Tags}) → red, blue for tags red, blue, red' },
  ARRAYCOMPACT: { description: 'The list without empty items (0 and FALSE stay).', example: 'ARRAYCOMPACT({Tags}) → red, blue for tags red, (empty), blue' },
  ARRAYFLATTEN: { description: 'Nested lists made into one flat list.', example: 'ARRAYFLATTEN({Tags}) → one list of all the tags, however nested' },
  ARRAYSLICE: { description: 'Items from start to end (1-based, end included; negative counts from the end).', example: 'ARRAYSLICE({Tags}, 1, 2) → red, blue for tags red, blue, red' },
  COUNTIF: { description: 'How many items meet a condition: a value, or text such as ">5", "<>done", "a*".', example: 'COUNTIF({Tags}, "red") → 2 for tags red, blue, red' },
  SUMIF: { description: 'Adds the items meeting a condition, or the items of sumValues at the same positions.', example: 'SUMIF({Amounts}, ">10") → 35 for amounts 5, 15, 20' },
  // Record
  RECORD_ID: { description: 'The record’s id.', example: 'RECORD_ID() → "rec_…"' },
  CREATED_TIME: { description: 'When the record was created.', example: 'CREATED_TIME() → 2026-03-05 09:12' },
  LAST_MODIFIED_TIME: { description: 'When the record last changed, or when any of the given fields last changed.', example: 'LAST_MODIFIED_TIME({Price}) → 2026-03-05 10:40' },
} satisfies Record<string, FunctionDoc>;

export type FunctionDocs = { [Name in keyof typeof formulaFunctionsEn]: FunctionDoc };
