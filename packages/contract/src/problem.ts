import * as z from 'zod/mini';

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
