import { z } from 'zod/mini';

/** Stable problem type URIs (RFC 9457 `type`). Absolute URNs: they never move with a domain. */
export const PROBLEM_TYPES = {
  malformedJson: 'urn:civicloop:problem:malformed-json',
  tooLarge: 'urn:civicloop:problem:body-too-large',
  unsupportedMediaType: 'urn:civicloop:problem:unsupported-media-type',
  validation: 'urn:civicloop:problem:validation-failed',
  notFound: 'urn:civicloop:problem:not-found',
  unauthorized: 'urn:civicloop:problem:unauthorized',
  forbidden: 'urn:civicloop:problem:forbidden',
  conflict: 'urn:civicloop:problem:conflict',
  idempotencyMismatch: 'urn:civicloop:problem:idempotency-key-reused',
  idempotencyInFlight: 'urn:civicloop:problem:idempotency-key-in-flight',
  rateLimited: 'urn:civicloop:problem:rate-limited',
  spam: 'urn:civicloop:problem:rejected-as-spam',
  internal: 'urn:civicloop:problem:internal-error',
  unavailable: 'urn:civicloop:problem:service-unavailable',
} as const;

/** One failed check: `path` is a JSON Pointer into the request body or query (`/text`). */
export const ValidationIssue = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/** RFC 9457 problem details, the body of every error response. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(ValidationIssue)),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code: string;
}

/** Turns zod issues into contract validation issues with JSON Pointer paths. */
export function toValidationIssues(issues: readonly IssueLike[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: '/' + issue.path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/'),
    message: issue.message,
    code: issue.code,
  }));
}
