/**
 * A failure that another attempt cannot mend (a malformed payload, an address the mail server
 * refuses for good): the job fails at once instead of being retried.
 */
export class PermanentJobError extends Error {}

/** SMTP answers 550–553 (no such mailbox, not allowed, bad address) say the message will never be accepted. */
export function isPermanentMailError(e: unknown): boolean {
  const code = (e as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 550 && code <= 553;
}
