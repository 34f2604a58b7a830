export interface BackoffPolicy {
  baseSeconds: number; // the wait after the first failure
  capSeconds: number; // never longer than this
}

/** A mail server that is down for an afternoon delays a job by at most an hour after it is back. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseSeconds: 30, capSeconds: 3600 };

/** The wait before the next attempt after `attempts` failed ones: doubling from the base, capped. */
export function backoffSeconds(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(policy.capSeconds, policy.baseSeconds * 2 ** Math.min(n - 1, 30));
}
