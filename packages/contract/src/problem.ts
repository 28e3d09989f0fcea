import * as z from 'zod/mini';

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
    type: z.string().check(z.meta({ description: 'A URI naming the problem (see `ProblemType`); clients branch on it.' })),
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
}

/** Turns zod issues into contract validation issues with JSON Pointer paths. */
export function toValidationIssues(issues: readonly IssueLike[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: '/' + issue.path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/'),
    message: issue.message,
    code: issue.code,
  }));
}
