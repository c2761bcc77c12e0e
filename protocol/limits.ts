/** Bounds that hold on both sides of the wire, whatever the flags say. */

/**
 * The longest delay, in milliseconds, a JavaScript timer keeps: `setTimeout` treats
 * anything above 2^31 - 1 (about 24.8 days) as 1 ms. Every timeout and idle time in the
 * protocol has this maximum in the schema (`timeout_ms`, `idle_timeout_ms`).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** {@link MAX_TIMER_MS} in words, for error messages. */
export const MAX_TIMER_WORDS = `${MAX_TIMER_MS} ms (about 24.8 days, the longest timer JavaScript keeps)`;
