import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import { buildOpenApi } from './openapi.js';
import { Problem } from './problem.js';
import { PROBLEM_TYPES } from './rules.js';
import { routes, type RouteDef } from './routes.js';

const doc = buildOpenApi() as {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};

describe('OpenAPI document', () => {
  test("passes Redocly's recommended-strict ruleset with zero errors and zero warnings", () => {
    const dir = mkdtempSync(join(tmpdir(), 'civicloop-openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    writeFileSync(join(dir, 'redocly.yaml'), 'extends:\n  - recommended-strict\n');
    // The one exception, by JSON Pointer: a liveness probe answers 200 or 503 whatever it is sent,
    // so it has no client error to declare. Every other operation must list its 4XX.
    writeFileSync(
      join(dir, '.redocly.lint-ignore.yaml'),
      `openapi.json:\n  operation-4xx-response:\n    - '#/paths/~1healthz/get/responses'\n`,
    );
    const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
    const r = spawnSync(process.execPath, [cli, 'lint', '--config', join(dir, 'redocly.yaml'), '--format=stylish', file], {
      encoding: 'utf8',
      cwd: dir,
    });
    assert.equal(r.status, 0, `redocly lint failed:\n${r.stdout}\n${r.stderr}`);
    const out = r.stdout + r.stderr;
    // Stylish lines are `line:column  severity  rule`; Node's own deprecation banner is not a finding.
    assert.doesNotMatch(out, /^\s*\d+:\d+\s+(error|warning)\b/m);
    assert.match(out, /Your API description is valid/);
    assert.match(out, /^1 problem is explicitly ignored/m);
  });

  test('is OpenAPI 3.1 and has one operation per route of the table', () => {
    assert.equal(doc.openapi, '3.1.0');
    for (const route of Object.values(routes) as RouteDef[]) {
      const op = doc.paths[route.path]?.[route.method];
      assert.ok(op, `${route.method.toUpperCase()} ${route.path} is missing`);
      assert.equal(op.operationId, route.operationId);
      for (const status of [...Object.keys(route.responses), ...route.problems.map(String)]) {
        assert.ok(op.responses[status], `${route.operationId} lacks response ${status}`);
      }
    }
  });

  test('describes every component schema and every property in it, nested ones included', () => {
    const missing: string[] = [];
    const walk = (schema: Record<string, unknown> | undefined, at: string): void => {
      if (!schema || typeof schema !== 'object') return;
      for (const [name, prop] of Object.entries((schema['properties'] ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof prop['description'] !== 'string' || prop['description'] === '') missing.push(`${at}.${name}`);
        walk(prop, `${at}.${name}`);
      }
      walk(schema['items'] as Record<string, unknown> | undefined, `${at}[]`);
      for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
        for (const sub of (schema[key] ?? []) as Record<string, unknown>[]) walk(sub, at);
      }
    };
    for (const [name, schema] of Object.entries(doc.components.schemas) as [string, Record<string, unknown>][]) {
      if (typeof schema['description'] !== 'string') missing.push(name);
      walk(schema, name);
    }
    assert.ok(Object.keys(doc.components.schemas).length >= 13);
    assert.deepEqual(missing, [], `undescribed: ${missing.join(', ')}`);
  });

  test('publishes the named schemas as components and references them', () => {
    assert.ok(doc.components.schemas['FeedbackCreate']);
    assert.ok(doc.components.schemas['Problem']);
    const create = doc.paths['/v1/councils/{council}/feedback']?.['post'] as unknown as {
      requestBody: { content: Record<string, { schema: { $ref: string } }> };
    };
    assert.equal(create.requestBody.content['application/json']?.schema.$ref, '#/components/schemas/FeedbackCreate');
  });
});

type Op = {
  parameters: { $ref?: string; name?: string }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { $ref?: string; headers?: Record<string, unknown>; content?: Record<string, { example?: unknown }> }>;
};
const full = doc as unknown as { paths: Record<string, Record<string, Op>>; components: Record<string, Record<string, Record<string, unknown>>> };

describe('OpenAPI document for vendors', () => {
  test('every operation has an example of its request body and of each response body, valid under its schema', () => {
    for (const route of Object.values(routes) as RouteDef[]) {
      const op = full.paths[route.path]![route.method]!;
      if (route.body) {
        const example = op.requestBody?.content['application/json']?.example;
        assert.ok(example !== undefined, `${route.operationId} has no request example`);
        assert.ok(z.safeParse(route.body, example).success, `${route.operationId}'s request example breaks its schema`);
      }
      for (const [status, def] of Object.entries(route.responses)) {
        if (!def.schema) continue;
        const example = op.responses[status]?.content?.[def.mediaType ?? 'application/json']?.example;
        assert.ok(example !== undefined, `${route.operationId} ${status} has no example`);
        assert.ok(z.safeParse(def.schema, example).success, `${route.operationId} ${status}'s example breaks its schema`);
      }
    }
  });

  test('cacheable GETs take If-None-Match and answer 304; their 200 and 304 carry ETag', () => {
    const cacheable = (Object.values(routes) as RouteDef[]).filter((r) => r.cacheable);
    assert.ok(cacheable.length >= 3);
    for (const route of cacheable) {
      const op = full.paths[route.path]![route.method]!;
      assert.ok(op.parameters.some((p) => p.name === 'If-None-Match' && (p as { in?: string }).in === 'header'), route.operationId);
      for (const status of ['200', '304']) assert.ok(op.responses[status]?.headers?.['ETag'], `${route.operationId} ${status}`);
    }
  });

  test('responses declare the headers the server sends', () => {
    for (const route of Object.values(routes) as RouteDef[]) {
      const op = full.paths[route.path]![route.method]!;
      for (const [status, res] of Object.entries(op.responses)) {
        if (res.$ref) continue;
        assert.ok(res.headers?.['X-Request-Id'], `${route.operationId} ${status} lacks X-Request-Id`);
        if (route.idempotent && status.startsWith('2')) assert.ok(res.headers?.['Idempotency-Replayed'], `${route.operationId} ${status}`);
      }
    }
    const responses = full.components['responses']!;
    const headersOf = (name: string) => Object.keys((responses[name]!['headers'] ?? {}) as object);
    assert.ok(headersOf('Problem401').includes('WWW-Authenticate'));
    assert.ok(headersOf('Problem429').includes('Retry-After'));
    assert.ok(headersOf('Problem429').includes('RateLimit'));
    const created = full.paths['/v1/councils/{council}/feedback']!['post']!.responses['201']!;
    assert.ok(created.headers?.['RateLimit'] && created.headers['RateLimit-Policy'], 'createFeedback 201 declares RateLimit');
    assert.ok(headersOf('Problem409').includes('Retry-After'));
    for (const name of Object.keys(responses)) assert.ok(headersOf(name).includes('X-Request-Id'), name);
  });

  test('every problem response has an example, valid under Problem, of its own status and of a type documented for that status', () => {
    const responses = full.components['responses']! as Record<string, { content: Record<string, { example?: unknown }> }>;
    const meanings = (full.components['schemas']!['ProblemType'] as { 'x-enumDescriptions': Record<string, string> })['x-enumDescriptions'];
    const names = Object.keys(responses).filter((n) => n.startsWith('Problem'));
    assert.ok(names.length >= 10, names.join());
    for (const name of names) {
      const status = name === 'ProblemDefault' ? 500 : Number(name.slice('Problem'.length));
      const example = responses[name]!.content['application/problem+json']?.example as { status: number; type: string; errors?: unknown[] } | undefined;
      assert.ok(example, `${name} has no example`);
      assert.ok(z.safeParse(Problem, example).success, `${name}'s example breaks Problem`);
      assert.equal(example.status, status, name);
      assert.match(meanings[example.type] ?? '', new RegExp(`^${status}: `), `${name}: ${example.type}`);
    }
    // The validation example is what the contract's schema says of a broken copy of the input example.
    const issues = (responses['Problem422']!.content['application/problem+json']!.example as { errors: { path: string }[] }).errors;
    assert.deepEqual(issues.map((i) => i.path).sort(), ['/rating', '/text']);
  });

  test('documents every problem type, each with its meaning', () => {
    const schema = full.components['schemas']!['ProblemType'] as { enum: string[]; description: string; 'x-enumDescriptions': Record<string, string> };
    assert.deepEqual([...schema.enum].sort(), Object.values(PROBLEM_TYPES).sort());
    for (const type of Object.values(PROBLEM_TYPES)) {
      assert.match(schema['x-enumDescriptions'][type] ?? '', /^\d{3}: /, type);
      assert.ok(schema.description.includes(type), type);
    }
  });
});

test('tags come from the endpoint table', async () => {
  const { TAGS } = await import('./endpoints.js');
  const tags = (buildOpenApi() as { tags: { name: string; description: string }[] }).tags;
  assert.deepEqual(tags, Object.entries(TAGS).map(([name, description]) => ({ name, description })));
});
