// Issue 12, "the document matches the server": a tester that knows only GET /v1/openapi.json.
// Requests are generated (fast-check) from the document's own schemas for every operation: path
// parameters, query parameters, headers and bodies the document allows. Every answer must be a
// status the operation declares; a refusal must be problem+json whose `type` is one the operation
// lists for that status (`x-problem-types`); a success must match its declared schema and media
// type; every header the server sends of those the document knows must be declared on that
// response, with a value its schema allows. And a path asked with a method it lacks is 405 with
// `Allow`. Fast form in `npm test`; CIVICLOOP_RELIABILITY=long runs many more requests.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { createCouncil, createService, createStaffToken, type RunningServer } from '@civicloop/server';
import { testBankConfig } from '../support/contact-bank.js';
import { forEachEngine, startTestServer } from '../../packages/server/src/testing/engines.js';
import { size } from './support.js';

const RUNS = size(25, 600);
type Json = Record<string, any>;

/** Headers the document describes: any of them on a response must be declared there. */
const KNOWN_HEADERS = ['location', 'idempotency-replayed', 'retry-after', 'etag', 'ratelimit', 'ratelimit-policy', 'www-authenticate', 'cache-control', 'x-request-id'];

const pointer = (...parts: string[]) => '#/' + parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** An arbitrary of the values a JSON Schema (the subset the document uses) allows. */
function arbitrary(schema: Json, doc: Json, depth = 0): fc.Arbitrary<unknown> {
  if (schema['$ref']) return arbitrary(resolve(doc, schema['$ref']), doc, depth);
  if (schema['anyOf']) return fc.oneof(...(schema['anyOf'] as Json[]).map((s) => arbitrary(s, doc, depth)));
  if (schema['enum']) return fc.constantFrom(...(schema['enum'] as unknown[]));
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['type'])) return fc.oneof(...(schema['type'] as string[]).map((type) => arbitrary({ ...schema, type }, doc, depth)));
  switch (schema['type']) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema['minimum'] ?? (schema['exclusiveMinimum'] ?? -1e6 - 1) + 1, max: schema['maximum'] ?? 1e6 });
    case 'number':
      return fc.double({ min: schema['minimum'] ?? -1e6, max: schema['maximum'] ?? 1e6, noNaN: true });
    case 'array':
      return fc.array(arbitrary(schema['items'] ?? {}, doc, depth + 1), { minLength: schema['minItems'] ?? 0, maxLength: Math.min(schema['maxItems'] ?? 3, 3) });
    case 'object': {
      const props = Object.fromEntries(Object.entries((schema['properties'] ?? {}) as Record<string, Json>).map(([k, s]) => [k, arbitrary(s, doc, depth + 1)]));
      return fc.record(props, { requiredKeys: (schema['required'] ?? []) as string[] });
    }
    case 'string': {
      const min = schema['minLength'] ?? 0;
      const max = Math.min(schema['maxLength'] ?? 80, 80);
      const fits = (s: string) => s.length >= min && s.length <= (schema['maxLength'] ?? Infinity) && (!schema['pattern'] || new RegExp(schema['pattern'], 'u').test(s));
      const format = schema['format'];
      if (format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (format === 'date') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (format === 'uri') return fc.webUrl().filter(fits);
      if (format === 'email') return fc.emailAddress().filter(fits);
      if (schema['pattern']) return fc.stringMatching(new RegExp(schema['pattern'], 'u')).filter(fits);
      // Any text the schema allows: NUL, surrogates and all (the server may refuse, with a declared problem).
      return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'binary', minLength: min, maxLength: max }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function resolve(doc: Json, ref: string): Json {
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node: Json, key) => node[key], doc);
}

/** The council the document is tried on, with a contact bank so its routes answer more than 404. */
const DOCTON = { slug: 'docton', name: 'Docton', origins: [], locales: ['en' as const], defaultLocale: 'en' as const, inputUse: {}, antiAbuse: { minFillMs: 2000, proofOfWork: { required: false } }, contactBank: testBankConfig(), openLicence: 'CC-BY-4.0', reachThreshold: 5 };

forEachEngine((engine) => {
  let server: RunningServer;
  let doc: Json;
  let ajv: InstanceType<typeof Ajv2020>;
  const known: Record<string, string> = {};
  let token = '';
  const seen = new Map<string, Set<number>>();

  before(async () => {
    server = await startTestServer(engine, { limits: { feedbackPerClientPerHour: 1e6, feedbackPerCouncilPerHour: 1e6, signInsPerClientPerHour: 1e6, signInsPerCouncilPerHour: 1e6 } });
    await createCouncil(server.db, DOCTON);
    await createService(server.db, { council: 'docton', id: 'libraries', name: { en: 'Libraries' }, category: 'culture' });
    token = await createStaffToken(server.db, { council: 'docton', role: 'admin' });
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const input = (await (await fetch(`${server.url}/v1/councils/docton/staff/feedback`, { method: 'POST', headers: auth, body: JSON.stringify({ kind: 'idea', text: 'x', channel: 'phone' }) })).json()) as { id: string; receipt: string };
    const theme = (await (await fetch(`${server.url}/v1/councils/docton/staff/themes`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 't', youSaid: 'y', locale: 'en' }) })).json()) as { id: string };
    Object.assign(known, { council: 'docton', receipt: input.receipt, feedbackId: input.id, themeId: theme.id });
    doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as Json;
    ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'doc');
  });
  after(() => server?.close());

  const operations = () =>
    Object.entries(doc['paths'] as Record<string, Record<string, Json>>).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

  function check(path: string, method: string, op: Json, res: Response, text: string, what: string): void {
    const status = String(res.status);
    const declared = (op['responses'] as Json)[status] as Json | undefined;
    assert.ok(declared, `${what}: status ${status} is not declared (${text.slice(0, 200)})`);
    const response = declared['$ref'] ? resolve(doc, declared['$ref']) : declared;
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const content = response['content'] as Record<string, Json> | undefined;
    if (content) {
      assert.ok(content[type], `${what}: ${status} as ${type}, declared ${Object.keys(content)}`);
      const schemaAt = declared['$ref'] ? `${declared['$ref']}/content/${type.replace('/', '~1')}/schema` : pointer('paths', path, method, 'responses', status, 'content', type, 'schema');
      const validate = ajv.getSchema(`doc${schemaAt}`);
      assert.ok(validate, schemaAt);
      const body = type.includes('json') ? JSON.parse(text) : text;
      assert.ok(validate(body), `${what}: ${status} body breaks its schema: ${JSON.stringify(validate.errors).slice(0, 300)}`);
      if (res.status >= 400) {
        const types = ((op['x-problem-types'] ?? {}) as Record<string, string[]>)[status] ?? [];
        assert.ok(types.includes((body as { type: string }).type), `${what}: ${status} ${(body as { type: string }).type} is not among ${types}`);
      }
    } else assert.equal(text, '', `${what}: ${status} has a body the document does not declare`);
    const headers = (response['headers'] ?? {}) as Record<string, Json>;
    const declaredNames = new Map(Object.entries(headers).map(([n, h]) => [n.toLowerCase(), h['$ref'] ? resolve(doc, h['$ref']) : h]));
    for (const name of KNOWN_HEADERS) {
      const value = res.headers.get(name);
      if (value === null) continue;
      const header = declaredNames.get(name);
      assert.ok(header, `${what}: ${status} sends ${name} but does not declare it`);
      const schema = header['schema'] as Json;
      const parsed = schema['type'] === 'integer' ? Number(value) : value;
      assert.ok(ajv.validate(schema, parsed), `${what}: ${name}: ${value} breaks ${JSON.stringify(schema)}`);
    }
  }

  test('requests generated from the document: declared statuses, problem types, schemas and headers', { timeout: size(300_000, 3_600_000) }, async () => {
    let requests = 0;
    for (const { path, method, op } of operations()) {
      const params = (op['parameters'] ?? []) as Json[];
      const bodySchema = op['requestBody']?.['content']?.['application/json']?.['schema'] as Json | undefined;
      const values = fc.record({
        params: fc.record(
          Object.fromEntries(
            params.map((p) => {
              const real = p['in'] === 'path' ? (p['name'] === 'council' ? known['council'] : p['name'] === 'receipt' ? known['receipt'] : path.includes('/themes/') ? known['themeId'] : known['feedbackId']) : undefined;
              // Path values: mostly ones that exist (so the request reaches its rules), sometimes anything the schema allows.
              const arb = real ? fc.oneof({ weight: 4, arbitrary: fc.constant(real) }, { weight: 1, arbitrary: arbitrary(p['schema'], doc) }) : arbitrary(p['schema'], doc);
              return [`${p['in']}:${p['name']}`, arb];
            }),
          ),
          { requiredKeys: params.filter((p) => p['in'] === 'path' || p['required']).map((p) => `${p['in']}:${p['name']}`) },
        ),
        body: bodySchema ? arbitrary(bodySchema, doc) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(values, async ({ params: chosen, body }) => {
          let url = path;
          const query = new URLSearchParams();
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(chosen)) {
            const [where, name] = key.split(':') as [string, string];
            const text = typeof value === 'string' ? value : JSON.stringify(value);
            // `.` and `..` are dot segments, which every URL parser removes (encoded too): no client can send them as a value.
            if (where === 'path') url = url.replace(`{${name}}`, encodeURIComponent(text.replace(/[\ud800-\udfff]/g, 'x').replace(/^\.{1,2}$/, '$&x')));
            else if (where === 'query') query.set(name, text);
            else if (where === 'header' && /^[\x20-\x7e]*$/.test(text) && text.trim() === text) headers[name] = text;
          }
          if (op['security']?.length) headers['authorization'] = `Bearer ${token}`;
          if (body !== undefined) headers['content-type'] = 'application/json';
          const target = `${url}${query.size ? `?${query}` : ''}`;
          const res = await fetch(server.url + target, { method: method.toUpperCase(), headers, body: body === undefined ? undefined : JSON.stringify(body) });
          const text = await res.text();
          requests++;
          (seen.get(op['operationId']) ?? seen.set(op['operationId'], new Set()).get(op['operationId'])!).add(res.status);
          check(path, method, op, res, text, `${method.toUpperCase()} ${target.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 200) ?? ''}`);
        }),
        { numRuns: RUNS },
      );
    }
    // The requests changed the council's settings at random (updateCouncilSettings): the tests after this one need it as it was.
    await createCouncil(server.db, DOCTON);
    console.log(`document [${engine.name}]: ${requests} requests; statuses by operation ${JSON.stringify(Object.fromEntries([...seen].map(([k, v]) => [k, [...v].sort()])))}`);
    assert.ok(requests >= operations().length * RUNS);
  });

  test("the rules the server enforces beyond the schemas are in the document, and the server holds them", async () => {
    const create = doc['components']['schemas']['FeedbackCreate']['properties'] as Record<string, { description: string }>;
    assert.match(create['website']!.description, /422 `rejected-as-spam`/);
    assert.match(create['elapsedMs']!.description, /minFillMs[\s\S]*422 `rejected-as-spam`/);
    assert.match(create['text']!.description, /whitespace[\s\S]*422 `validation-failed`/);
    const post = (body: unknown) => fetch(`${server.url}/v1/councils/docton/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const problem = async (res: Response) => [res.status, ((await res.json()) as { type: string; errors: { path: string }[] })] as const;
    const [s1, p1] = await problem(await post({ kind: 'idea', text: 'hi', website: 'x', elapsedMs: 5000 }));
    assert.deepEqual([s1, p1.type, p1.errors[0]?.path], [422, 'urn:civicloop:problem:rejected-as-spam', '/website']);
    const [s2, p2] = await problem(await post({ kind: 'idea', text: 'hi', elapsedMs: 10 }));
    assert.deepEqual([s2, p2.type, p2.errors[0]?.path], [422, 'urn:civicloop:problem:rejected-as-spam', '/elapsedMs']);
    const [s3, p3] = await problem(await post({ kind: 'idea', text: ' \t\n ', elapsedMs: 5000 }));
    assert.deepEqual([s3, p3.type, p3.errors[0]?.path], [422, 'urn:civicloop:problem:validation-failed', '/text']);
    for (const { path, method, op } of operations()) {
      const cursor = ((op['parameters'] ?? []) as Json[]).find((p) => p['name'] === 'cursor');
      if (!cursor) continue;
      assert.match(cursor['description'], /422 `validation-failed`/, `${method} ${path}`);
      // Not base64url at all; and a NUL byte (base64url `AA`), which no list ever issues.
      for (const bad of ['!!!', 'AA']) {
        const res = await fetch(`${server.url}${path.replace('{council}', 'docton')}?cursor=${bad}`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.status, 422, `${method} ${path} ${bad}`);
      }
      assert.ok(((op['x-problem-types'] as Record<string, string[]>)['422'] ?? []).includes('urn:civicloop:problem:validation-failed'));
    }
  });

  test('a method a path does not have: 405 problem with Allow naming exactly the methods it has', async () => {
    let checked = 0;
    for (const [path, item] of Object.entries(doc['paths'] as Record<string, Record<string, Json>>)) {
      const has = Object.keys(item).map((m) => m.toUpperCase());
      const expected = new Set([...has, ...(has.includes('GET') ? ['HEAD'] : []), ...(path.startsWith('/v1/councils/') ? ['OPTIONS'] : [])]);
      const url = server.url + path.replace('{council}', 'docton').replace('{receipt}', known['receipt']!).replace('{id}', path.includes('/themes/') ? known['themeId']! : known['feedbackId']!);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (has.includes(method)) continue;
        const res = await fetch(url, { method, headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.status, 405, `${method} ${path}`);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        assert.equal(((await res.json()) as { type: string }).type, 'urn:civicloop:problem:method-not-allowed');
        assert.deepEqual(new Set(res.headers.get('allow')!.split(', ')), expected, `${method} ${path}`);
        checked++;
      }
    }
    assert.ok(checked > 40, `${checked}`);
  });
});
