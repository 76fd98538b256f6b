/**
 * Route option for responses carrying records: serialized with JSON.stringify instead of the
 * serializer fastify compiles from the response schema. A record's `fields` is an open map (any
 * field name, any cell value), which fast-json-stringify walks key by key against a pattern and
 * a schema-less value — on a 50-record page about twice JSON.stringify's time, and the largest
 * cost of a list request after the query itself. The schema still documents and types the
 * route. Nothing undeclared can leak: these bodies are built field by field (record-presenter.ts,
 * and sendError for errors).
 */
export const plainJsonResponse = {
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
};
