import { SdkError, describeRequest, type RequestInfo } from './sdk-error.js';

/**
 * The request never got an HTTP answer we may read: offline, DNS, refused connection, the
 * browser withholding the answer (CORS), or the page's own Content Security Policy forbidding
 * the request. `blocked` tells the last two apart from the rest, `csp` the last one.
 */
export class NetworkError extends SdkError {
  /**
   * True when this page can never get an answer, however often it sends: the council does not
   * allow this page's origin, the page has an opaque origin (`null`: opened from `file:`, a
   * sandboxed iframe), or the page's Content Security Policy does not allow connecting to the
   * API (`csp`). So it is a refusal for good, never "offline". Always false outside browsers.
   */
  declare readonly blocked: boolean;
  /**
   * True when the page's own Content Security Policy stopped the request (its `connect-src`
   * does not list the API's origin), as the browser reported it (`securitypolicyviolation`).
   * The page's web editor fixes it, not the council. `blocked` is true too.
   */
  declare readonly csp: boolean;

  constructor(request: RequestInfo, options?: { cause?: unknown; blocked?: boolean; csp?: boolean }) {
    const csp = options?.csp === true;
    const blocked = csp || options?.blocked === true;
    const reason = options?.cause instanceof Error && options.cause.message ? ` (${options.cause.message})` : '';
    super(
      csp
        ? `${describeRequest(request)} failed: this page's Content Security Policy does not allow connecting to ${new URL(request.url).origin} (add it to connect-src)${reason}`
        : blocked
          ? `${describeRequest(request)} failed: the server answered, but the browser does not let this page read the answer (this page's origin is not allowed)${reason}`
          : `${describeRequest(request)} failed: the server could not be reached${reason}`,
      request,
      options,
    );
    this.name = 'NetworkError';
    // Enumerable only when true, so a logged blocked error says so and an ordinary one keeps
    // the same shape as before.
    Object.defineProperty(this, 'blocked', { value: blocked, enumerable: blocked });
    Object.defineProperty(this, 'csp', { value: csp, enumerable: csp });
  }
}
