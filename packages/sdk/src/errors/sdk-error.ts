/**
 * Brand carried by every SDK error. `Symbol.for` lives in the global symbol registry shared
 * by all realms, so an error thrown in an iframe, a worker-bridge or by a second copy of the
 * SDK on the same page is still recognised where `instanceof` would say no.
 */
export const SDK_ERROR_BRAND: unique symbol = Symbol.for('civicloop.sdk-error');

/** What every SDK error knows about the request that failed. */
export interface RequestInfo {
  /** Upper-case HTTP method, e.g. `POST`. */
  readonly method: string;
  /** Absolute URL of the request. */
  readonly url: string;
}

/** Base of every error the SDK throws; test for it with `isSdkError`, not `instanceof`. */
export class SdkError extends Error {
  declare readonly [SDK_ERROR_BRAND]: true;
  // Assigned in the constructor, not declared as class fields, which would cost every bundle
  // their definitions too (the subclasses do the same).
  /** Upper-case HTTP method of the failed request. */
  declare readonly method: string;
  /** Absolute URL of the failed request. */
  declare readonly url: string;

  constructor(message: string, request: RequestInfo, options?: { cause?: unknown }) {
    super(message, options);
    this.method = request.method;
    this.url = request.url;
    this.name = 'SdkError';
    // Non-enumerable (defineProperty's default) so that logging or JSON.stringify of an error stays readable.
    Object.defineProperty(this, SDK_ERROR_BRAND, { value: true });
  }
}

/** `POST /v1/councils/demo/feedback`: what messages name, like ky does, without the origin. */
export function describeRequest(request: RequestInfo): string {
  let path = request.url;
  try {
    const url = new URL(request.url);
    path = url.pathname + url.search;
  } catch {
    // Keep the raw string: a message must never throw.
  }
  return `${request.method} ${path}`;
}
