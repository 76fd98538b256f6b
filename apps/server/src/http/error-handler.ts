/**
 * The one error handler. Every 4xx/5xx body is `{ error: { code, message, details } }` with the
 * status from error-statuses.ts. Framework errors (validation, body limits, media types) are
 * translated to engine codes; anything unexpected becomes a bare 500 INTERNAL whose body
 * carries only a request id — the stack, SQL and values go to the server log alone.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EngineError, isEngineError, type ErrorCode, type ErrorDetails } from '@multitable/core';
import { errorStatuses } from './error-statuses';
import { validationError, type AjvIssue } from './validation-errors';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetails };
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Framework errors whose messages are fixed templates, safe to show. */
function fromFrameworkError(error: FastifyError): EngineError | undefined {
  if (error.validation) {
    return validationError(error.validationContext, error.validation as unknown as AjvIssue[]);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new EngineError('PAYLOAD_TOO_LARGE', 'The request body is larger than this route accepts', { path: 'body' });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new EngineError('UNSUPPORTED_MEDIA_TYPE', 'This Content-Type is not accepted; send application/json', {
      path: 'headers.content-type',
    });
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = codeByStatus[status] ?? 'VALIDATION_FAILED';
    const message = error.code?.startsWith('FST_') ? error.message : 'The request was refused';
    return new EngineError(code, message);
  }
  return undefined;
}

export function sendError(reply: FastifyReply, error: EngineError): FastifyReply {
  const status = errorStatuses[error.code];
  if (error.code === 'RATE_LIMITED' && typeof error.details.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(Math.max(1, Math.ceil(error.details.retryAfterSeconds))));
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

function internalError(request: FastifyRequest): EngineError {
  return new EngineError('INTERNAL', 'Something went wrong on the server; the error has been logged', {
    requestId: request.id,
  });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let engineError = isEngineError(error) ? error : fromFrameworkError(error);
    if (!engineError || errorStatuses[engineError.code] >= 500) {
      request.log.error({ err: error }, 'request failed');
      if (!engineError || engineError.code === 'INTERNAL') engineError = internalError(request);
    }
    return sendError(reply, engineError);
  });

  app.setNotFoundHandler((request, reply) => {
    return sendError(
      reply,
      new EngineError('NOT_FOUND', `No route ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`),
    );
  });
}
