/**
 * Turns fastify/ajv validation failures into VALIDATION_FAILED errors naming the JSON path the
 * way a user reads it: `body.records[3].fields`, `querystring.pageSize`, `params.baseId`.
 * Only schema facts (keyword, limits) go into the message — never the submitted value.
 */
import { EngineError } from '@multitable/core';

export interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `/records/3/fields` under `body` → `body.records[3].fields`. */
export function jsonPointerToPath(root: string, pointer: string): string {
  if (pointer === '') return root;
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => {
      if (/^(0|[1-9][0-9]*)$/.test(segment)) return `${path}[${segment}]`;
      if (identifier.test(segment)) return `${path}.${segment}`;
      return `${path}[${JSON.stringify(segment)}]`;
    }, root);
}

function childPath(path: string, key: string): string {
  return identifier.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function validationError(context: string | undefined, issues: readonly AjvIssue[]): EngineError {
  const root = context ?? 'body';
  const issue = issues[0];
  if (!issue) return new EngineError('VALIDATION_FAILED', `${root} is invalid`, { path: root });
  let path = jsonPointerToPath(root, issue.instancePath);
  let message: string;
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
    path = childPath(path, issue.params.missingProperty);
    message = `${path} is required`;
  } else if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
    path = childPath(path, issue.params.additionalProperty);
    message = `${path} is not an allowed property`;
  } else {
    message = `${path} ${issue.message ?? 'is invalid'}`;
  }
  return new EngineError('VALIDATION_FAILED', message, { path, keyword: issue.keyword });
}
