import * as z from 'zod/mini';
import { PROBLEM_TYPES } from './rules.js';

type ProblemTypeKey = keyof typeof PROBLEM_TYPES;

/** What each problem type means and what a client does about it; a type without one fails to compile. */
const PROBLEM_TYPE_MEANINGS: { readonly [K in ProblemTypeKey]: string } = {
  malformedJson: '400: the body is not JSON. Fix the client; do not retry.',
  badRequest:
    '400: the HTTP message itself is not well-formed (a bad `Content-Length`, a control character in a header, a backslash in the path); 431 when its headers are too large. Fix the client; do not retry.',
  methodNotAllowed: '405: the path exists but not with this method; `Allow` lists the methods it has.',
  tooLarge: '413: the body is larger than the server accepts. Shorten it; do not retry as is.',
  unsupportedMediaType: '415: send `Content-Type: application/json`.',
  validation: '422: the body or query breaks the schema; `errors` names each field. Show them to the person; do not retry as is.',
  notFound: '404: no such council, receipt or path.',
  unauthorized: '401: a staff route without a valid bearer token (`WWW-Authenticate: Bearer`).',
  forbidden: '403: the token is valid but not for this council or action.',
  conflict: '409: the request conflicts with the current state.',
  idempotencyMismatch: '422: this `Idempotency-Key` was used with another body. Use a fresh key for a new input.',
  idempotencyInFlight: '409: the first request with this `Idempotency-Key` is still running. Retry with the same key after `Retry-After`.',
  rateLimited: '429: too many inputs from this client or to this council this hour. Keep the text; retry after `Retry-After` seconds.',
  spam: '422: refused by the anti-abuse checks (honeypot `website`, `elapsedMs` under `antiAbuse.minFillMs`, or a missing or wrong `proof`).',
  internal: '500: a fault of the server; nothing the client sent is at fault. Retry later with the same `Idempotency-Key`.',
  unavailable: '503: the server cannot reach its database. Retry later with the same `Idempotency-Key`.',
};

const problemTypeValues = Object.values(PROBLEM_TYPES) as [string, ...string[]];

/** Every `type` a problem of this contract carries, each documented. */
export const ProblemType = z.enum(problemTypeValues).check(
  z.meta({
    description:
      'The `type` of a problem: clients branch on it, never on `title` or `detail`.\n\n' +
      (Object.keys(PROBLEM_TYPES) as ProblemTypeKey[]).map((k) => `- \`${PROBLEM_TYPES[k]}\`: ${PROBLEM_TYPE_MEANINGS[k]}`).join('\n'),
    'x-enumDescriptions': Object.fromEntries(
      (Object.keys(PROBLEM_TYPES) as ProblemTypeKey[]).map((k) => [PROBLEM_TYPES[k], PROBLEM_TYPE_MEANINGS[k]]),
    ),
  }),
);

export const ValidationIssue = z
  .object({
    path: z.string().check(z.meta({ description: 'A JSON Pointer into the request body or query, e.g. `/text`.' })),
    message: z.string().check(z.meta({ description: 'What is wrong, in English, for developers.' })),
    code: z.string().check(z.meta({ description: 'The kind of check that failed, e.g. `too_big`; stable for clients to branch on.' })),
  })
  .check(z.meta({ description: 'One failed check of a request.' }));
export type ValidationIssue = z.infer<typeof ValidationIssue>;

export const Problem = z
  .looseObject({
    // Any string at run time: a proxy's page or a future type still parses, and a client falls back
    // to the status; the union publishes the known types as `ProblemType` in the document.
    type: z.union([ProblemType, z.string()]).check(
      z.meta({ description: 'A URI naming the problem: one of `ProblemType`, or another one a client treats by its status.' }),
    ),
    title: z.string().check(z.meta({ description: 'A short summary of the problem type, in English.' })),
    status: z.int().check(z.meta({ description: 'The HTTP status code of this response.' })),
    detail: z.optional(z.string()).check(z.meta({ description: 'What went wrong this time, in English.' })),
    instance: z.optional(z.string()).check(
      z.meta({ description: 'On 5xx, the request to quote when reporting it (`urn:civicloop:request:` and its `X-Request-Id`).' }),
    ),
    errors: z.optional(z.array(ValidationIssue)).check(z.meta({ description: 'Every failed check, for `validation-failed`.' })),
  })
  .check(z.meta({ description: 'RFC 9457 problem details, the body of every error response.' }));
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code: string;
  /** With `unrecognized_keys`: the fields a strict object (a PATCH body) does not have. */
  readonly keys?: readonly string[];
}

const pointer = (path: readonly PropertyKey[]) => '/' + path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Turns zod issues into contract validation issues with JSON Pointer paths; a field a strict
 * object does not have is one issue at that field, named ("Invalid input" at "/" says nothing).
 */
export function toValidationIssues(issues: readonly IssueLike[]): ValidationIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys?.length
      ? issue.keys.map((key) => ({ path: pointer([...issue.path, key]), message: `No such field here: "${key}"`, code: issue.code }))
      : [{ path: pointer(issue.path), message: issue.message, code: issue.code }],
  );
}
