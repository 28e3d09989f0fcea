import { SdkError, describeRequest, type RequestInfo } from './sdk-error.js';

/** The request never got an HTTP answer: offline, DNS, refused connection, CORS refusal. */
export class NetworkError extends SdkError {
  constructor(request: RequestInfo, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error && options.cause.message ? ` (${options.cause.message})` : '';
    super(`${describeRequest(request)} failed: the server could not be reached${reason}`, request, options);
    this.name = 'NetworkError';
  }
}
