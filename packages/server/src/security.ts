import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers every response carries unless a more specific handler set its own (`overwrite: false`).
 * Only these: HSTS belongs to the TLS proxy in front, and COOP/COEP/OAC to the demo pages.
 */
export const securityHeaders = secureHeaders({
  overwrite: false,
  xContentTypeOptions: true,
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  // JSON is never a document to render; nothing may load or frame it.
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * The demo pages: what a council's CMS page should be able to run Civic Loop under.
 * 'allow-duplicates': a page may hold two copies of the bundle (a CMS plugin and a pasted
 * snippet, or two versions); each copy's Lit creates its own 'lit-html' policy, which the
 * browser otherwise refuses, so the second copy would fail to load.
 */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html civicloop 'allow-duplicates'",
].join('; ');

/** /docs is one static page and its stylesheet: no script may run there at all. */
export const DOCS_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const CORS_ALLOW_HEADERS = ['Content-Type', 'Idempotency-Key', 'Authorization', 'If-None-Match'];
export const CORS_EXPOSE_HEADERS = ['Idempotency-Replayed', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'ETag', 'X-Request-Id'];
export const CORS_MAX_AGE = 600;
