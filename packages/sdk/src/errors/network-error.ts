import { SdkError, describeRequest, type RequestInfo } from './sdk-error.js';

/**
 * The request never got an HTTP answer we may read: offline, DNS, refused connection, or the
 * browser withholding the answer (CORS). `blocked` tells the last case apart.
 */
export class NetworkError extends SdkError {
  /**
   * True when the server is reachable but the browser does not let this page read its answer:
   * the council does not allow this page's origin, or the page has an opaque origin (`null`:
   * opened from `file:`, a sandboxed iframe). Sending again from this page can never succeed,
   * so it is a refusal for good, never "offline". Always false outside browsers (no CORS there).
   */
  declare readonly blocked: boolean;

  constructor(request: RequestInfo, options?: { cause?: unknown; blocked?: boolean }) {
    const blocked = options?.blocked === true;
    const reason = options?.cause instanceof Error && options.cause.message ? ` (${options.cause.message})` : '';
    super(
      blocked
        ? `${describeRequest(request)} failed: the server answered, but the browser does not let this page read the answer (this page's origin is not allowed)${reason}`
        : `${describeRequest(request)} failed: the server could not be reached${reason}`,
      request,
      options,
    );
    this.name = 'NetworkError';
    // Enumerable only when true, so a logged blocked error says so and an ordinary one keeps
    // the same shape as before.
    Object.defineProperty(this, 'blocked', { value: blocked, enumerable: blocked });
  }
}
