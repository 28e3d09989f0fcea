import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type ValidationIssue } from '@civicloop/contract';
import { HttpProblem } from './errors/http-problem.js';

/** The problems every route can meet, with titles a developer reading a log understands at once. */
export const problems = {
  notFound: (detail?: string) => new HttpProblem(404, PROBLEM_TYPES.notFound, 'Not found', detail ? { detail } : {}),
  unknownCouncil: (slug: string) =>
    new HttpProblem(404, PROBLEM_TYPES.notFound, 'Unknown council', { detail: `No council with the slug "${slug}" exists on this server.` }),
  malformedJson: (detail = 'The request body is not valid JSON.') => new HttpProblem(400, PROBLEM_TYPES.malformedJson, 'Malformed JSON', { detail }),
  tooLarge: (limit: number) =>
    new HttpProblem(413, PROBLEM_TYPES.tooLarge, 'Body too large', { detail: `Request bodies are limited to ${limit} bytes.` }),
  unsupportedMediaType: (detail = 'Send the body as application/json.') => new HttpProblem(415, PROBLEM_TYPES.unsupportedMediaType, 'Unsupported content type', { detail }),
  validation: (errors: ValidationIssue[], detail = 'The request does not match the contract; see errors.') =>
    new HttpProblem(422, PROBLEM_TYPES.validation, 'Validation failed', { detail, errors }),
  unauthorized: (detail: string) =>
    new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'Staff token required', { detail, headers: { 'www-authenticate': 'Bearer' } }),
  /** A single sign-on session that expired or was signed out: the console says so and offers sign-in again. */
  sessionEnded: (detail: string) => new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'Session ended', { detail, headers: { 'www-authenticate': 'Bearer' } }),
  /** 422 for input that looks automated; `issue` names the field and what a person should do. */
  spam: (title: string, detail: string, issue: ValidationIssue) => new HttpProblem(422, PROBLEM_TYPES.spam, title, { detail, errors: [issue] }),
  /** The path exists, not with this method (RFC 9110 §15.5.6): `Allow` lists the ones it has. */
  methodNotAllowed: (method: string, allow: readonly string[]) =>
    new HttpProblem(405, PROBLEM_TYPES.methodNotAllowed, 'Method not allowed', {
      detail: `This path has no ${method}; it has ${allow.join(', ')}.`,
      headers: { allow: allow.join(', ') },
    }),
  forbidden: (detail: string) => new HttpProblem(403, PROBLEM_TYPES.forbidden, 'Not allowed', { detail }),
  internal: () =>
    new HttpProblem(500, PROBLEM_TYPES.internal, 'Internal server error', {
      detail: 'Something went wrong on our side. Nothing you sent is at fault; try again later.',
    }),
};

/** A problem+json response. `requestId` lets a caller quote the log line of a 5xx. */
export function problemResponse(problem: HttpProblem, requestId?: string): Response {
  const body = { ...problem.toJSON(), ...(requestId && problem.status >= 500 ? { instance: `urn:civicloop:request:${requestId}` } : {}) };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...problem.headers },
  });
}

/** Reasons of the statuses Node's HTTP parser refuses a request with. */
const PARSER_TITLES: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Content Too Large', 431: 'Request Header Fields Too Large' };

/**
 * A whole HTTP/1.1 problem+json answer as bytes, for requests Node's parser refuses before any
 * route or middleware runs (a lying Content-Length, a control character in a header, a
 * backslash in the path).
 */
export function rawProblem(status: number, detail: string): string {
  const title = PARSER_TITLES[status] ?? 'Bad Request';
  const body = JSON.stringify({ type: PROBLEM_TYPES.badRequest, title, status, detail });
  return (
    `HTTP/1.1 ${status} ${title}\r\n` +
    `content-type: ${PROBLEM_CONTENT_TYPE}\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
  );
}

/**
 * The node adaptor's errors outside the app: a request it cannot build (a backslash in the
 * path, no Host) is a 400 problem, anything else a 500 one, never an empty body.
 */
export function requestErrorResponse(error: unknown): Response {
  if (error instanceof Error && error.name === 'RequestError') {
    return problemResponse(new HttpProblem(400, PROBLEM_TYPES.badRequest, 'Bad Request', { detail: `The request cannot be read: ${error.message}.` }));
  }
  return problemResponse(problems.internal());
}
