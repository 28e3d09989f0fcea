import * as z from 'zod/mini';
import { IdempotencyKey } from './common.js';
import { TAGS } from './endpoints.js';
import { PROBLEM_CONTENT_TYPE, Problem } from './problem.js';
import { IDEMPOTENCY_KEY_MIN_RETENTION_MS, IDEMPOTENCY_KEY_RETENTION_MS, LOCALES, PROBLEM_TYPES } from './rules.js';
import { problems as problemExamples } from './examples.js';
import { routes, type RouteDef } from './routes.js';
import * as schemas from './schemas.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Malformed JSON',
  401: 'Missing or invalid staff token',
  403: 'Not allowed for this token',
  404: 'Unknown council or resource',
  409: 'Conflict, e.g. a retry while the first request is still in flight',
  413: 'Body too large',
  415: 'Wrong content type',
  422: 'Schema violation, or an Idempotency-Key reused with another body',
  429: 'Rate limited; see Retry-After',
};

type JsonSchema = Record<string, unknown>;

/** Response headers, under `components/headers`; each response refers to the ones it carries. */
const HEADERS = {
  'X-Request-Id': {
    description: 'Identifies this request in the server log; quote it when reporting a problem.',
    schema: { type: 'string' },
  },
  ETag: {
    description: 'Version of this representation; send it back as `If-None-Match` to get a 304 while it has not changed.',
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description: 'Public GETs may be cached briefly (revalidate with `If-None-Match`); every other answer is `no-store`.',
    schema: { type: 'string' },
  },
  'Retry-After': {
    description: 'Seconds to wait before retrying (RFC 9110). Keep the input and send it again then.',
    schema: { type: 'integer', minimum: 1 },
  },
  'Idempotency-Replayed': {
    description: '`true` when this is the stored response to an earlier request with the same `Idempotency-Key` and body.',
    schema: { type: 'string', enum: ['true'] },
  },
  RateLimit: {
    description:
      'What this client may still send (IETF draft-ietf-httpapi-ratelimit-headers): `"client";r=17;t=1800` is 17 more inputs ' +
      'in the 1800 seconds before the window resets. On a 429 it names the exhausted policy with `r=0`.',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': {
    description:
      'The quota behind `RateLimit`: `"client";q=20;w=3600` is 20 inputs an hour per client network address ' +
      '(an IPv6 client counts by its /64); `"council"` is the quota of all inputs to one council.',
    schema: { type: 'string' },
  },
  Location: {
    description: 'Where the created resource is read from (for an input, its receipt view).',
    schema: { type: 'string', format: 'uri-reference' },
  },
  'WWW-Authenticate': {
    description: 'The authentication scheme the staff routes expect: `Bearer`.',
    schema: { type: 'string' },
  },
} as const;
type HeaderName = keyof typeof HEADERS;

const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The `ETag` of a copy you hold; the answer is 304 with no body while it is current.',
  schema: { type: 'string' },
} as const;

/** The worked problem of `status` (examples.ts); a status a route declares without one fails the build of the document. */
function problemExample(status: number): Problem {
  const example = (problemExamples as Record<number, Problem | undefined>)[status];
  if (!example) throw new Error(`examples.ts has no problem example for ${status}`);
  return example;
}

function headers(...names: HeaderName[]): JsonSchema {
  return Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));
}

/** Headers of the shared problem responses beyond `X-Request-Id`. */
const PROBLEM_HEADERS: Record<number, HeaderName[]> = {
  401: ['WWW-Authenticate'],
  409: ['Retry-After'],
  429: ['Retry-After', 'RateLimit', 'RateLimit-Policy'],
};

/** JSON Schema of every named schema, with references between them. */
function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'input',
    unrepresentable: 'any',
  });
  // Each component is embedded in the OpenAPI document, not a standalone JSON Schema resource.
  return Object.fromEntries(
    Object.entries(out).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest as JsonSchema]),
  );
}

function schemaRef(schema: z.core.$ZodType, inline: () => JsonSchema): JsonSchema {
  const name = Object.entries(schemas).find(([, s]) => s === schema)?.[0];
  return name ? { $ref: `#/components/schemas/${name}` } : inline();
}

function toJson(schema: z.core.$ZodType): JsonSchema {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(route: RouteDef): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, obj] of [['path', route.params], ['query', route.query]] as const) {
    if (!obj) continue;
    const json = toJson(obj) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, { description, ...schema }] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, description, required: where === 'path' || (json.required ?? []).includes(name), schema });
    }
  }
  // Inline rather than a `$ref`: the server's API reference page reads parameters as written.
  if (route.cacheable) out.push(IF_NONE_MATCH);
  if (route.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        `The same key and body returns the first response again (Idempotency-Replayed: true). Servers keep keys at least ` +
        `${IDEMPOTENCY_KEY_MIN_RETENTION_MS / 3600_000} hours; this one keeps them ${IDEMPOTENCY_KEY_RETENTION_MS / 86_400_000} days.`,
      schema: toJson(IdempotencyKey),
    });
  }
  return out;
}

/** Operations whose 201 says where the new resource is (`Location`). */
const CREATES_AT_LOCATION = new Set(['createFeedback', 'createStaffFeedback', 'createTheme', 'createThemeUpdate', 'createActivity']);
/** Operations that run the anti-abuse checks (honeypot, fill time, proof of work). */
const SPAM_CHECKED = new Set(['createFeedback', 'createContact']);

/**
 * `x-problem-types`: the problem `type`s each problem status of an operation carries, so a
 * client (and the test that holds the server to this document) knows every refusal in advance.
 */
function problemTypes(route: RouteDef): Record<string, string[]> {
  const byStatus: Record<number, string[]> = {
    400: [PROBLEM_TYPES.malformedJson, PROBLEM_TYPES.badRequest],
    401: [PROBLEM_TYPES.unauthorized],
    403: [PROBLEM_TYPES.forbidden],
    404: [PROBLEM_TYPES.notFound],
    409: route.idempotent ? [PROBLEM_TYPES.conflict, PROBLEM_TYPES.idempotencyInFlight] : [PROBLEM_TYPES.conflict],
    413: [PROBLEM_TYPES.tooLarge],
    415: [PROBLEM_TYPES.unsupportedMediaType],
    422: [
      PROBLEM_TYPES.validation,
      ...(route.idempotent ? [PROBLEM_TYPES.idempotencyMismatch] : []),
      ...(SPAM_CHECKED.has(route.operationId) ? [PROBLEM_TYPES.spam] : []),
    ],
    429: [PROBLEM_TYPES.rateLimited],
  };
  return Object.fromEntries(route.problems.map((status) => [String(status), byStatus[status] ?? []]));
}

function operation(route: RouteDef): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, def] of Object.entries(route.responses)) {
    const names: HeaderName[] = ['X-Request-Id', 'Cache-Control'];
    if (route.cacheable && (status === '200' || status === '304')) names.push('ETag');
    if (route.idempotent && status.startsWith('2')) names.push('Idempotency-Replayed');
    if (status === '201' && CREATES_AT_LOCATION.has(route.operationId)) names.push('Location');
    if (status === '503') names.push('Retry-After');
    // A route that can answer 429 is rate limited; its successes say what is left.
    if (route.problems.includes(429) && status.startsWith('2')) names.push('RateLimit', 'RateLimit-Policy');
    responses[status] = {
      description: def.description,
      headers: headers(...names),
      ...(def.schema
        ? { content: { [def.mediaType ?? 'application/json']: { schema: schemaRef(def.schema, () => toJson(def.schema!)), example: def.example } } }
        : {}),
    };
  }
  for (const status of route.problems) {
    responses[String(status)] = { $ref: `#/components/responses/Problem${status}` };
  }
  responses['default'] = { $ref: '#/components/responses/ProblemDefault' };
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description || route.admin || route.alternate
      ? {
          description: [
            route.admin ? '**Admin token only.**' : '',
            route.description ?? '',
            route.alternate ? `With \`Accept: ${route.alternate.mediaType}\` (preferred to JSON) the answer is \`${route.alternate.operationId}\`'s.` : '',
          ]
            .filter(Boolean)
            .join(' '),
        }
      : {}),
    tags: [route.tag],
    security: route.auth === 'staff' ? [{ staffToken: [] }] : route.auth === 'contact' ? [{ contactToken: [] }] : [],
    parameters: parameters(route),
    'x-problem-types': problemTypes(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaRef(route.body, () => toJson(route.body!)), example: route.bodyExample } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of contract v1, generated from the route table. */
export function buildOpenApi(options: { serverUrl?: string; version?: string } = {}): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of Object.values(routes) as RouteDef[]) {
    (paths[route.path] ??= {})[route.method] = operation(route);
  }
  const problemStatuses = [...new Set(Object.values(routes).flatMap((r: RouteDef) => r.problems))].sort();
  const problemResponse = (description: string, status?: number) => ({
    description,
    headers: headers('X-Request-Id', 'Cache-Control', ...(status ? (PROBLEM_HEADERS[status] ?? []) : [])),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' }, example: problemExample(status ?? 500) } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Civic Loop REST contract',
      version: options.version ?? '1.0.0',
      summary: 'Co-creation of public services between councils and residents.',
      description:
        'Every tenant-scoped path starts with /v1/councils/{council}. Errors are RFC 9457 problem details; ' +
        `problem types: ${Object.values(PROBLEM_TYPES).join(', ')}; each operation lists the ones it answers with in \`x-problem-types\`. ` +
        'A path asked with a method it does not have is 405 `method-not-allowed` with `Allow`; a request that is not well-formed HTTP is 400 `bad-request`. ' +
        `Locales: ${LOCALES.join(', ')}.`,
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: componentSchemas(),
      responses: {
        ...Object.fromEntries(problemStatuses.map((s) => [`Problem${s}`, problemResponse(STATUS_TEXT[s] ?? 'Problem', s)])),
        ProblemDefault: problemResponse('Unexpected server error; never carries a stack trace'),
      },
      headers: Object.fromEntries(Object.entries(HEADERS).map(([name, h]) => [name, { ...h, schema: { ...h.schema } }])),
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A staff token of one council, role `editor` or `admin`. Editors triage, reply, write themes and timeline updates; ' +
            'only admins publish themes, edit published ones and read the audit log. Another council\'s token is 403, an unknown or revoked one 401.',
        },
        contactToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A token from a contact-bank email, read by the page from its URL fragment (`#manage=`, `#invitation=`) and sent in this ' +
            'header, never in a URL: a manage token for `/contacts/me`, an invitation token for `/contacts/invitation`. ' +
            'It stops working when the entry is withdrawn or expires; an unknown one is 401.',
        },
      },
    },
  };
}

export { Problem };
