// The console's loop figures: how much input was answered in public and how fast, over a period,
// for the council or one service, by month, service and channel (the public `getStats`, read
// past the browser's cache so staff see today's figures).
//
//   figures: idle -> loading -> ready | failed
import type { LoopStats } from '@civicloop/contract';
import { getStats } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { staffFailure, type StaffAccess, type StaffFailure } from './staff-access.js';

export type FiguresState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; stats: LoopStats } | { status: 'failed'; reason: StaffFailure };
export interface FiguresPeriod {
  /** First and last day, `YYYY-MM-DD`; '' for the API's default (the year up to today). */
  from: string;
  to: string;
  /** One service, or '' for the whole council. */
  service: string;
}

export function createConsoleFigures(options: { access: StaffAccess }) {
  const $figures = atom<FiguresState>({ status: 'idle' });
  const $period = atom<FiguresPeriod>({ from: '', to: '', service: '' });
  let serial = 0;
  return {
    $figures: $figures as ReadableAtom<FiguresState>,
    $period: $period as ReadableAtom<FiguresPeriod>,
    async load(period: FiguresPeriod = $period.get()): Promise<void> {
      const mine = ++serial;
      const a = options.access.staff();
      if (!a) return;
      $period.set(period);
      $figures.set({ status: 'loading' });
      try {
        const stats = await getStats(a.t, { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}), ...(period.service ? { service: period.service } : {}) }, { cache: 'no-cache' });
        if (mine === serial) $figures.set({ status: 'ready', stats });
      } catch (error) {
        // A public route: a 401 cannot come, so every failure is said in place.
        if (mine === serial) $figures.set({ status: 'failed', reason: staffFailure(error) ?? 'error' });
      }
    },
    reset(): void {
      serial++;
      $figures.set({ status: 'idle' });
      $period.set({ from: '', to: '', service: '' });
    },
  };
}

export type ConsoleFigures = ReturnType<typeof createConsoleFigures>;
