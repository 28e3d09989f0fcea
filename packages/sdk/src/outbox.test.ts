// The outbox's one queue policy, without a browser: what is kept to send again and what is a
// refusal for good. Built on the contract's isRetriableStatus, which the transport's retries use too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROBLEM_TYPES } from '@civicloop/contract/rules';
import { ApiError, ContractError, NetworkError, TimeoutError, isRetriable } from './index.js';

const request = { method: 'POST', url: 'https://api.example/v1/councils/demo/feedback' };
const api = (status: number, type = 'about:blank') => new ApiError(request, status, { type, title: `HTTP ${status}`, status });

test('kept to send again: no answer, a timeout, 5xx, 408, 429 and a 409 for a key still in flight', () => {
  assert.equal(isRetriable(new NetworkError(request)), true);
  assert.equal(isRetriable(new TimeoutError(request, 10_000)), true);
  for (const status of [500, 502, 503, 504, 408, 429]) assert.equal(isRetriable(api(status)), true, String(status));
  assert.equal(isRetriable(api(409, PROBLEM_TYPES.idempotencyInFlight)), true);
  // A captive portal's HTML page: the request never reached the API.
  assert.equal(isRetriable(new ContractError(request, 200, [{ path: '', message: 'The body is not JSON', code: 'invalid_json' }], '<html>')), true);
});

test('refused for good: every other 4xx, a blocked origin, a 2xx that breaks the contract, anything not from the SDK', () => {
  for (const status of [400, 401, 403, 404, 413, 415, 422]) assert.equal(isRetriable(api(status)), false, String(status));
  assert.equal(isRetriable(api(409, PROBLEM_TYPES.idempotencyMismatch)), false);
  assert.equal(isRetriable(api(409)), false);
  assert.equal(isRetriable(new NetworkError(request, { blocked: true })), false);
  assert.equal(isRetriable(new ContractError(request, 201, [{ path: '/receipt', message: 'Required', code: 'invalid_type' }], {})), false);
  assert.equal(isRetriable(new TypeError('programming error')), false);
});
