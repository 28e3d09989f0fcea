// What a form adds so the server can tell people from bots without asking people anything
// (WCAG 2.2 3.3.8): the honeypot's value, how long the form took to fill, and a proof of work
// solved in the background while the resident writes. Plain logic, no DOM: tested in node.
import { wallClock } from '../clock.js';
import type { ProofOfWork } from '@civicloop/contract';
import { solveChallenge } from '@civicloop/contract/pow';

export interface AntiAbuseFields {
  /** The honeypot; people never see it. */
  website: string;
  /** Milliseconds since writing began. */
  elapsedMs: number;
  proof?: ProofOfWork;
}

export interface AntiAbuseOptions {
  /** When writing began (wall clock), e.g. the form store's `since`, restored with a draft. */
  since(): number;
  /** Whether the council asks for proof of work; undefined while its configuration is loading. */
  proofRequired(): boolean | undefined;
  /** Resolves once `proofRequired` is known (the council's configuration arrived or failed). */
  proofKnown(): Promise<void>;
  /** Asks the council's server for a challenge. */
  challenge(): Promise<{ challenge: string; difficulty: number; expiresAt: string }>;
  /** @default solveChallenge from @civicloop/contract/pow (WebCrypto) */
  solve?: (challenge: string, difficulty: number) => Promise<string>;
  /**
   * The council's minimum fill time (`antiAbuse.minFillMs`), once its configuration is known:
   * an input sent sooner waits until then, so a quick resident is not refused as spam, whether it
   * goes at once or is kept to go later (its fill time is measured when it is first sent).
   */
  minFillMs?(): number | undefined;
  /** Wall clock, injectable for tests. @default Date.now, looked up at each call (kit/clock.ts) */
  now?: () => number;
  /** Waits `ms` (the rest of the minimum fill time), injectable for tests. @default setTimeout */
  wait?: (ms: number) => Promise<void>;
}

/** A challenge with less than this left is not started on: it could expire before sending. */
const MIN_LIFE_MS = 60_000;

export function createAntiAbuse(options: AntiAbuseOptions) {
  const now = options.now ?? wallClock;
  const solve = options.solve ?? solveChallenge;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let current: { expiresAt: number; solved: Promise<ProofOfWork | undefined> } | undefined;

  const controller = {
    /**
     * Starts fetching and solving a challenge when the council asks for one and none is ready,
     * so sending does not wait. Call it as the resident writes. Without WebCrypto (plain-HTTP
     * pages) or without a challenge, the input goes without proof and the server says why.
     */
    prepare(): void {
      if (!options.proofRequired()) return;
      if (current && current.expiresAt - now() > MIN_LIFE_MS) return;
      if (!options.solve && !globalThis.crypto?.subtle) return;
      const attempt = { expiresAt: Number.POSITIVE_INFINITY, solved: Promise.resolve<ProofOfWork | undefined>(undefined) };
      attempt.solved = options
        .challenge()
        .then(async ({ challenge, difficulty, expiresAt }) => {
          attempt.expiresAt = Date.parse(expiresAt);
          return { challenge, nonce: await solve(challenge, difficulty) };
        })
        .catch(() => {
          // Asked again at the next keystroke or on sending.
          if (current === attempt) current = undefined;
          return undefined;
        });
      current = attempt;
    },

    /** The fields to add to an input now; a proof is used once. */
    async fields(trap: string): Promise<AntiAbuseFields> {
      // Sent before the configuration arrived (a slow link): whether proof is needed is in it.
      await options.proofKnown();
      controller.prepare();
      const early = (options.minFillMs?.() ?? 0) - (now() - options.since());
      if (early > 0) await wait(early);
      const fields: AntiAbuseFields = { website: trap, elapsedMs: Math.max(0, Math.round(now() - options.since())) };
      const attempt = current;
      const proof = await attempt?.solved;
      if (proof) {
        if (current === attempt) current = undefined;
        fields.proof = proof;
      }
      return fields;
    },
  };
  return controller;
}

export type AntiAbuse = ReturnType<typeof createAntiAbuse>;
