/**
 * The JSON body parser. It replaces fastify's so that hostile shapes are refused before any
 * recursive code runs (RELIABILITY A12.2): nesting deeper than 32 is measured on the raw text
 * with an explicit counter, then secure-json-parse refuses `__proto__` keys and `constructor`
 * objects carrying `prototype` (the shapes that poison prototypes; a plain key named
 * "constructor" — say, a field name — stays allowed). Bodies stay under fastify's 1 MiB limit.
 * `text/plain` is not parsed at all, so cross-site "simple" form posts get 415.
 */
import type { FastifyInstance } from 'fastify';
import secureJsonParse from 'secure-json-parse';
import { EngineError, jsonTextDepth, maxJsonDepth } from '@multitable/core';

export function parseJsonBody(text: string): unknown {
  if (text.length === 0) {
    throw new EngineError('VALIDATION_FAILED', 'The request body is empty but Content-Type is application/json', {
      path: 'body',
    });
  }
  if (jsonTextDepth(text, maxJsonDepth) > maxJsonDepth) {
    throw new EngineError('JSON_TOO_DEEP', `The request body nests deeper than ${maxJsonDepth} levels`, {
      path: 'body',
      maxDepth: maxJsonDepth,
    });
  }
  try {
    return secureJsonParse.parse(text, null, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    if (error instanceof SyntaxError && /forbidden prototype property/.test(error.message)) {
      throw new EngineError('VALIDATION_FAILED', 'The request body contains a forbidden key (__proto__ or constructor.prototype)', {
        path: 'body',
      });
    }
    // V8's message quotes the body; never echo it.
    throw new EngineError('VALIDATION_FAILED', 'The request body is not valid JSON', { path: 'body' });
  }
}

export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
