import type { ApiError } from './api-error.js';
import type { ContractError } from './contract-error.js';
import type { NetworkError } from './network-error.js';
import { SDK_ERROR_BRAND, type SdkError } from './sdk-error.js';
import type { TimeoutError } from './timeout-error.js';

// Brand plus `name`, never `instanceof`: errors from another frame, realm or SDK copy have
// other constructors but carry the same registry symbol.

/** True for any error thrown by this SDK, whichever frame or copy of the SDK threw it. */
export function isSdkError(value: unknown): value is SdkError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SDK_ERROR_BRAND] === true;
}

function named<T extends SdkError>(name: string) {
  return (value: unknown): value is T => isSdkError(value) && value.name === name;
}

/** True for an `ApiError` (the server answered with a non-2xx status). */
export const isApiError: (value: unknown) => value is ApiError = named('ApiError');
/** True for a `NetworkError` (no HTTP answer at all). */
export const isNetworkError: (value: unknown) => value is NetworkError = named('NetworkError');
/** True for a `TimeoutError` (an attempt exceeded the timeout). */
export const isTimeoutError: (value: unknown) => value is TimeoutError = named('TimeoutError');
/** True for a `ContractError` (a 2xx body that breaks the contract). */
export const isContractError: (value: unknown) => value is ContractError = named('ContractError');
