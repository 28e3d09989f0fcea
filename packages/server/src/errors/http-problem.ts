import { PROBLEM_TYPES, type ValidationIssue } from '@civicloop/contract';

/** Thrown anywhere in a request to answer with that problem+json; never logged as a server fault. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ValidationIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    type: (typeof PROBLEM_TYPES)[keyof typeof PROBLEM_TYPES],
    title: string,
    options: { detail?: string; errors?: ValidationIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(`${status} ${title}`);
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}
