import { loadCouncil, type CouncilRow } from './councils.js';
import type { Database } from './db/driver.js';

/** The channel migration 006's trigger notifies at the commit of any change to `councils`. */
export const COUNCILS_CHANNEL = 'civicloop_councils';
/** A statement of this process that changes councils (or their single sign-on): forget them at once, not when the notification comes back. */
const COUNCIL_WRITES = /\b(insert\s+into|update|delete\s+from|truncate(\s+table)?)\s+(councils|council_sso)\b/i;
/** Far more councils than one deployment serves; a bound all the same. */
const MAX_ENTRIES = 10_000;

/**
 * The councils in memory, so a public GET (and every route's CORS check) reads no database.
 *
 * A change reaches every process by LISTEN/NOTIFY: the trigger of migration 006 notifies at
 * commit, and each process forgets every council it holds; the next request reads them again.
 * The delay is the notification's trip, a few milliseconds on one host. A change made by this
 * process is forgotten at its own commit. While the listening connection is down (or before it
 * first listens) the cache is bypassed, so nothing stale is served then either.
 */
export class CouncilCache {
  readonly #db: Database;
  readonly #rows = new Map<string, CouncilRow>();
  /** Bumped by every change: a read that began before one must not store what it read. */
  #generation = 0;
  #listening = false;
  #stop: (() => Promise<void>) | undefined;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Starts listening; until then every lookup reads the database. */
  async start(): Promise<void> {
    if (!this.#db.listen) return;
    this.#stop = await this.#db.listen(
      COUNCILS_CHANNEL,
      {
        onNotify: () => this.clear(),
        onState: (listening) => {
          this.#listening = listening;
          this.clear();
        },
      },
      COUNCIL_WRITES,
    );
  }

  async stop(): Promise<void> {
    this.#listening = false;
    await this.#stop?.();
  }

  clear(): void {
    this.#generation++;
    this.#rows.clear();
  }

  async get(slug: string): Promise<CouncilRow | undefined> {
    if (this.#listening) {
      const hit = this.#rows.get(slug);
      if (hit) return hit;
    }
    const generation = this.#generation;
    const row = await loadCouncil(this.#db, slug);
    // Unknown slugs are not kept: a council created later must be found at once.
    if (row && this.#listening && generation === this.#generation) {
      if (this.#rows.size >= MAX_ENTRIES) this.#rows.clear();
      this.#rows.set(slug, row);
    }
    return row;
  }
}
