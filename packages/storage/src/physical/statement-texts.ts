/**
 * Statement texts compiled by kysely once per shape and kept under a key that names the shape
 * (dialect, table, columns, row count, …), for statements run over and over with new parameters:
 * compiling a multi-row statement costs about as much as running it. Used by ./row-inserts.ts and
 * changes/append-change.ts.
 */
export type StatementTexts = (key: string, compile: () => string) => string;

/** A cache of at most `limit` texts; a process writes a few shapes, so the limit is rarely reached (then it starts over). */
export function statementTexts(limit: number): StatementTexts {
  const texts = new Map<string, string>();
  return (key, compile) => {
    let text = texts.get(key);
    if (text === undefined) {
      text = compile();
      if (texts.size >= limit) texts.clear();
      texts.set(key, text);
    }
    return text;
  };
}

/** A row of NULLs for `columns`: what a text's VALUES are compiled from (each run brings its own values). */
export function placeholderRow(columns: readonly string[]): Record<string, null> {
  return Object.fromEntries(columns.map((column) => [column, null]));
}
