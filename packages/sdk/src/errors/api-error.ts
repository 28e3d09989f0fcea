import type { Problem } from '@civicloop/contract';
import { SdkError, describeRequest, type RequestInfo } from './sdk-error.js';

/** The server answered with a status outside 2xx; `problem` holds its RFC 9457 details. */
export class ApiError extends SdkError {
  /** HTTP status of the response. */
  declare readonly status: number;
  /** The problem+json body; synthesised from the status when the body was not one. */
  declare readonly problem: Problem;
  /** Milliseconds the server asked to wait (`Retry-After`, seconds or HTTP date), if it did. */
  declare readonly retryAfter: number | undefined;

  constructor(request: RequestInfo, status: number, problem: Problem, options?: { cause?: unknown; retryAfter?: number }) {
    super(`${describeRequest(request)} failed with ${status}: ${problem.title}`, request, options);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = options?.retryAfter;
  }
}
