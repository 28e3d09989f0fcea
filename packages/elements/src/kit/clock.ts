/**
 * The wall clock, looked up at call time, so a page (or a test) that replaces `Date.now` after the
 * elements loaded is followed, as StatusController follows `setTimeout`. Stores and controllers take
 * a `now` option and fall back to this.
 */
export const wallClock = (): number => Date.now();
