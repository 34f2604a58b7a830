/** Sealing failed; the message is Swedish and safe to show to a secretary. Nothing was published. */
export class SealError extends Error {}
