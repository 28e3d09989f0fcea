import type { ValidationIssue } from '@civicloop/contract';
import { SdkError, describeRequest, type RequestInfo } from './sdk-error.js';

/**
 * A 2xx response whose body breaks the contract's schema: the server (or something between
 * it and us) is not speaking contract v1, so the data cannot be trusted.
 */
export class ContractError extends SdkError {
  /** HTTP status of the offending response. */
  declare readonly status: number;
  /** What is wrong, with JSON Pointer paths into the response body. */
  declare readonly issues: readonly ValidationIssue[];
  /** The body as received (parsed JSON, or the raw text when it was not JSON). */
  declare readonly body: unknown;

  constructor(request: RequestInfo, status: number, issues: readonly ValidationIssue[], body: unknown, options?: { cause?: unknown }) {
    const first = issues[0];
    const summary = first ? `${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}` : 'unreadable body';
    super(`${describeRequest(request)} returned ${status} with a body that breaks the contract: ${summary}`, request, options);
    this.name = 'ContractError';
    this.status = status;
    this.issues = issues;
    this.body = body;
  }
}
