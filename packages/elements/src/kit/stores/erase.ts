// "Erase my input" after it was sent, the same for every element that lets its author erase:
// asked, confirmed, erasing, then erased or failed. Only the outcome that was shown when the
// resident confirmed is marked: a newer one is never said to be erased.
import { atom, type ReadableAtom } from 'nanostores';

export type EraseState = 'none' | 'confirming' | 'erasing' | 'erased' | 'failed';

export function createErase<S>(options: {
  /** What is shown now (e.g. the submission's state). */
  shown(): S;
  /** Starts erasing `shown` on the server; undefined when there is nothing to erase. */
  erase(shown: S): Promise<unknown> | undefined;
  /** Erasing failed: the element tells the page (the resident sees `failed`). */
  failed(error: unknown): void;
}) {
  const $erase = atom<EraseState>('none');
  return {
    $erase: $erase as ReadableAtom<EraseState>,
    request: () => $erase.get() === 'none' && $erase.set('confirming'),
    cancel: () => $erase.set('none'),
    /** What is shown was erased by its author elsewhere on the page (another element): shown as erased, with nothing to ask. */
    elsewhere: () => $erase.get() !== 'erasing' && $erase.set('erased'),
    async confirm(): Promise<void> {
      const shown = options.shown();
      const erasing = options.erase(shown);
      if (!erasing) return;
      $erase.set('erasing');
      try {
        await erasing;
        if (options.shown() === shown) $erase.set('erased');
      } catch (error) {
        if (options.shown() === shown) $erase.set('failed');
        options.failed(error);
      }
    },
  };
}
