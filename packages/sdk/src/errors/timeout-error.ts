import { SdkError, describeRequest, type RequestInfo } from './sdk-error.js';

/** One attempt took longer than the client's `timeout`; the request was abandoned. */
export class TimeoutError extends SdkError {
  /** The per-attempt limit that was exceeded, in milliseconds. */
  declare readonly timeout: number;

  constructor(request: RequestInfo, timeout: number, options?: { cause?: unknown }) {
    super(`${describeRequest(request)} timed out after ${timeout} ms`, request, options);
    this.name = 'TimeoutError';
    this.timeout = timeout;
  }
}
