import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type ValidationIssue } from '@civicloop/contract';
import { HttpProblem } from './errors/http-problem.js';

/** The problems every route can meet, with titles a developer reading a log understands at once. */
export const problems = {
  notFound: (detail?: string) => new HttpProblem(404, PROBLEM_TYPES.notFound, 'Not found', detail ? { detail } : {}),
  unknownCouncil: (slug: string) =>
    new HttpProblem(404, PROBLEM_TYPES.notFound, 'Unknown council', { detail: `No council with the slug "${slug}" exists on this server.` }),
  malformedJson: () =>
    new HttpProblem(400, PROBLEM_TYPES.malformedJson, 'Malformed JSON', { detail: 'The request body is not valid JSON.' }),
  tooLarge: (limit: number) =>
    new HttpProblem(413, PROBLEM_TYPES.tooLarge, 'Body too large', { detail: `Request bodies are limited to ${limit} bytes.` }),
  unsupportedMediaType: () =>
    new HttpProblem(415, PROBLEM_TYPES.unsupportedMediaType, 'Unsupported content type', { detail: 'Send the body as application/json.' }),
  validation: (errors: ValidationIssue[], detail = 'The request does not match the contract; see errors.') =>
    new HttpProblem(422, PROBLEM_TYPES.validation, 'Validation failed', { detail, errors }),
  unauthorized: (detail: string) =>
    new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'Staff token required', { detail, headers: { 'www-authenticate': 'Bearer' } }),
  /** 422 for input that looks automated; `issue` names the field and what a person should do. */
  spam: (title: string, detail: string, issue: ValidationIssue) => new HttpProblem(422, PROBLEM_TYPES.spam, title, { detail, errors: [issue] }),
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
