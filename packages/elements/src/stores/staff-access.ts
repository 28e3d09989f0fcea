// What every console store needs of the console's session (stores/console.ts), and the one rule
// for a refused staff call: a 401 ends the session, a 403 is the role's limit (said in place,
// the session stays), anything else is said in place too.
import { isApiError, isNetworkError, isTimeoutError, type Transport } from '@civicloop/sdk';

/** Why a staff call failed: the role may not do it (403), no connection, the service failed, or the element has no API or council. */
export type StaffFailure = 'forbidden' | 'offline' | 'error' | 'not-configured';

/** What the console's other views need of its session. */
export interface StaffAccess {
  /** The transport and token while signed in. */
  staff(): { t: Transport; token: string } | undefined;
  /** The API refused the token (401): the session ends. */
  end(): void;
}

/** A 401 ends the session (undefined here); a 403 is the role's limit, not the session's end. */
export function staffFailure(error: unknown): StaffFailure | undefined {
  if (isApiError(error) && error.status === 401) return undefined;
  if (isApiError(error) && error.status === 403) return 'forbidden';
  return isNetworkError(error) || isTimeoutError(error) ? 'offline' : 'error';
}

/** The failure to show for a staff call, or undefined when it was a 401: the session is ended here. */
export function staffFailed(access: StaffAccess, error: unknown): StaffFailure | undefined {
  const reason = staffFailure(error);
  if (!reason) access.end();
  return reason;
}

/** How a console store's paged list (kit/stores/paged-list.ts) fails: a 401 ends the session, the rest is said in the list. */
export const staffListFailures = (access: StaffAccess) => ({
  failure: (error: unknown): StaffFailure => staffFailure(error) ?? 'error',
  unavailable: 'not-configured' as const,
  intercept: (error: unknown) => !staffFailed(access, error),
});
