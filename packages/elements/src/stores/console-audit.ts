// The console's audit log: who did what, when, before and after, newest first, read page by
// page and filtered by action. Admins only: an editor's token is told so (403), and stays signed in.
import type { AuditEntry } from '@civicloop/contract';
import type { AuditAction } from '@civicloop/contract/rules';
import { listAudit } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { pagedList, type PagedListState } from '../kit/stores/paged-list.js';
import { staffListFailures, type StaffAccess, type StaffFailure } from './staff-access.js';

export type AuditListState = PagedListState<AuditEntry, StaffFailure>;

export function createConsoleAudit(options: { access: StaffAccess; pageSize?: number }) {
  const { access } = options;
  const $action = atom<AuditAction | ''>('');
  const list = pagedList<AuditEntry, StaffFailure>({
    fetch: (cursor) => {
      const a = access.staff();
      const action = $action.get();
      return a ? listAudit(a.t, { limit: options.pageSize ?? 20, ...(action ? { action } : {}), ...(cursor ? { cursor } : {}) }, { token: a.token }) : undefined;
    },
    ...staffListFailures(access),
    id: (entry) => entry.id,
  });
  return {
    $list: list.$list,
    $action: $action as ReadableAtom<AuditAction | ''>,
    load: list.load,
    more: list.more,
    retry: list.retry,
    /** Only entries of this action ('' for all): a new first page. */
    filter(action: AuditAction | ''): void {
      if (action === $action.get() && list.$list.get().status !== 'failed') return;
      $action.set(action);
      list.load();
    },
    reset(): void {
      list.reset();
      $action.set('');
    },
    dispose: list.drop,
  };
}

export type ConsoleAudit = ReturnType<typeof createConsoleAudit>;
