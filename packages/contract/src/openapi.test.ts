import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildOpenApi } from './openapi.js';
import { routes, type RouteDef } from './routes.js';

const doc = buildOpenApi() as {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};

describe('OpenAPI document', () => {
  test('passes the Redocly linter with zero errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'civicloop-openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
    const r = spawnSync(process.execPath, [cli, 'lint', '--format=stylish', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, `redocly lint failed:\n${r.stdout}\n${r.stderr}`);
    assert.doesNotMatch(r.stdout + r.stderr, /\berror\b/i);
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

test('tags come from the endpoint table', async () => {
  const { TAGS } = await import('./endpoints.js');
  const tags = (buildOpenApi() as { tags: { name: string; description: string }[] }).tags;
  assert.deepEqual(tags, Object.entries(TAGS).map(([name, description]) => ({ name, description })));
});
