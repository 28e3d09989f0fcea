// The console's contact bank: a search of the active contacts (by interest, district, format,
// purpose), read page by page, every match as CSV, and the reach view (the bank's make-up, small
// groups suppressed). Every search and export is in the audit log, on the server.
//
//   list:   loading -> ready (more: idle|loading|failed) | failed
//   reach:  loading -> ready | failed
//   export: idle -> saving -> done | failed
import type { ContactExportQuery, ContactReach, StaffContact } from '@civicloop/contract';
import type { ContactFormat, ContactPurpose } from '@civicloop/contract/rules';
import { exportContacts, getContactReach, searchContacts } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { pagedList, type PagedListState } from '../kit/stores/paged-list.js';
import { staffFailed, staffListFailures, type StaffAccess, type StaffFailure } from './staff-access.js';

export interface BankFilters {
  /** A service or a category ID; '' for any. */
  interest: string;
  district: string;
  format: ContactFormat | '';
  purpose: ContactPurpose | '';
}
export const NO_BANK_FILTERS: BankFilters = { interest: '', district: '', format: '', purpose: '' };

export type ContactListState = PagedListState<StaffContact, StaffFailure>;
export type ReachState = { status: 'loading' } | { status: 'ready'; reach: ContactReach } | { status: 'failed'; reason: StaffFailure };
export type ExportState = { state: 'idle' } | { state: 'saving' } | { state: 'done'; csv: string } | { state: 'failed'; reason: StaffFailure };

export function createConsoleBank(options: { access: StaffAccess; pageSize?: number }) {
  const { access } = options;
  const $filters = atom<BankFilters>(NO_BANK_FILTERS);
  const $reach = atom<ReachState>({ status: 'loading' });
  const $export = atom<ExportState>({ state: 'idle' });
  /** The filters that are set, as the API's query (an empty one is no filter). */
  const query = (): ContactExportQuery => {
    const f = $filters.get();
    return { ...(f.interest ? { interest: f.interest } : {}), ...(f.district ? { district: f.district } : {}), ...(f.format ? { format: f.format } : {}), ...(f.purpose ? { purpose: f.purpose } : {}) };
  };
  const list = pagedList<StaffContact, StaffFailure>({
    fetch: (cursor) => {
      const a = access.staff();
      return a ? searchContacts(a.t, { limit: options.pageSize ?? 20, ...query(), ...(cursor ? { cursor } : {}) }, { token: a.token }) : undefined;
    },
    ...staffListFailures(access),
    id: (contact) => contact.id,
  });
  let reachSerial = 0;

  return {
    $list: list.$list,
    $filters: $filters as ReadableAtom<BankFilters>,
    $reach: $reach as ReadableAtom<ReachState>,
    $export: $export as ReadableAtom<ExportState>,
    more: list.more,
    retry: list.retry,

    /** The search with the current filters, and the reach view, asked again. */
    async load(): Promise<void> {
      list.load();
      $export.set({ state: 'idle' });
      const mine = ++reachSerial;
      const a = access.staff();
      if (!a) return;
      $reach.set({ status: 'loading' });
      try {
        const reach = await getContactReach(a.t, { token: a.token });
        if (mine === reachSerial) $reach.set({ status: 'ready', reach });
      } catch (error) {
        const reason = staffFailed(access, error);
        if (mine === reachSerial && reason) $reach.set({ status: 'failed', reason });
      }
    },

    search(filters: BankFilters): void {
      $filters.set(filters);
      $export.set({ state: 'idle' });
      list.load();
    },

    /** Every match of the current filters as CSV, for the staff member to save. */
    async exportCsv(): Promise<void> {
      const a = access.staff();
      if (!a || $export.get().state === 'saving') return;
      $export.set({ state: 'saving' });
      try {
        $export.set({ state: 'done', csv: await exportContacts(a.t, query(), { token: a.token }) });
      } catch (error) {
        const reason = staffFailed(access, error);
        $export.set(reason ? { state: 'failed', reason } : { state: 'idle' });
      }
    },

    reset(): void {
      list.reset();
      reachSerial++;
      $filters.set(NO_BANK_FILTERS);
      $reach.set({ status: 'loading' });
      $export.set({ state: 'idle' });
    },
    dispose: list.drop,
  };
}

export type ConsoleBank = ReturnType<typeof createConsoleBank>;
