// The list read a page at a time, against a source whose answers the test releases one by one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pagedList, type Page } from './paged-list.ts';

interface Item {
  id: string;
  v?: number;
}

/** A page source whose requests wait until the test answers them, in any order. */
function source() {
  const asked: { cursor: string | undefined; answer: (page: Page<Item>) => void; fail: (error: unknown) => void }[] = [];
  let available = true;
  const list = pagedList<Item, 'offline' | 'ended' | 'not-configured'>({
    fetch: (cursor) => (available ? new Promise<Page<Item>>((answer, fail) => asked.push({ cursor, answer, fail })) : undefined),
    failure: () => 'offline',
    unavailable: 'not-configured',
    intercept: (error) => error === 'session ended',
    id: (item) => item.id,
  });
  return { list, asked, unavailable: () => (available = false) };
}

const items = (...ids: string[]) => ids.map((id) => ({ id }));
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('pagedList', () => {
  test('the first page, then the next appended without the items it repeats, firstNew where it starts', async () => {
    const { list, asked } = source();
    list.load();
    assert.deepEqual(list.$list.get(), { status: 'loading' });
    asked[0]!.answer({ items: items('a', 'b'), nextCursor: 'c1' });
    await settle();
    assert.deepEqual(list.$list.get(), { status: 'ready', items: items('a', 'b'), nextCursor: 'c1', more: 'idle', firstNew: 0 });
    list.more();
    list.more(); // a second press while loading asks nothing more
    assert.equal(asked.length, 2);
    assert.equal(asked[1]!.cursor, 'c1');
    asked[1]!.answer({ items: items('b', 'c'), nextCursor: null });
    await settle();
    assert.deepEqual(list.$list.get(), { status: 'ready', items: items('a', 'b', 'c'), nextCursor: null, more: 'idle', firstNew: 2 });
    list.more();
    assert.equal(asked.length, 2, 'no cursor, no request');
  });

  test('a failed next page keeps the list and says so; retry asks again', async () => {
    const { list, asked } = source();
    list.load();
    asked[0]!.answer({ items: items('a'), nextCursor: 'c1' });
    await settle();
    list.more();
    asked[1]!.fail(new Error('network'));
    await settle();
    assert.deepEqual(list.$list.get(), { status: 'ready', items: items('a'), nextCursor: 'c1', more: 'failed', firstNew: 0 });
    list.retry();
    assert.equal(asked[2]!.cursor, 'c1');
  });

  test('a failed first page fails with the reason; one the caller intercepts changes nothing here', async () => {
    const { list, asked } = source();
    list.load();
    asked[0]!.fail(new Error('network'));
    await settle();
    assert.deepEqual(list.$list.get(), { status: 'failed', reason: 'offline' });
    list.retry();
    asked[1]!.fail('session ended');
    await settle();
    assert.deepEqual(list.$list.get(), { status: 'loading' });
  });

  test('answers to an earlier question are dropped (a new load, a reset)', async () => {
    const { list, asked } = source();
    list.load();
    list.load();
    asked[1]!.answer({ items: items('new') });
    asked[0]!.answer({ items: items('old') });
    await settle();
    assert.deepEqual(list.$list.get(), { status: 'ready', items: items('new'), nextCursor: null, more: 'idle', firstNew: 0 });
    list.load();
    list.reset();
    asked[2]!.answer({ items: items('late') });
    await settle();
    assert.deepEqual(list.$list.get(), { status: 'loading' });
  });

  test('put replaces an item in place, or adds a new one first when asked; unavailable fails at once', async () => {
    const { list, asked, unavailable } = source();
    list.load();
    asked[0]!.answer({ items: [{ id: 'a' }, { id: 'b' }] });
    await settle();
    list.put({ id: 'b', v: 2 });
    list.put({ id: 'z' });
    assert.deepEqual((list.$list.get() as { items: Item[] }).items, [{ id: 'a' }, { id: 'b', v: 2 }]);
    list.put({ id: 'z' }, true);
    assert.deepEqual((list.$list.get() as { items: Item[] }).items, [{ id: 'z' }, { id: 'a' }, { id: 'b', v: 2 }]);
    unavailable();
    list.load();
    assert.deepEqual(list.$list.get(), { status: 'failed', reason: 'not-configured' });
  });
});
