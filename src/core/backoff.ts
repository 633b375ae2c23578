export interface BackoffBounds {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffBounds = { baseMs: 200, maxMs: 5000 }

/**
 * Exponential backoff with jitter (between a quarter and all of the capped
 * delay): racing pipelines that collided once spread out instead of
 * colliding again in lockstep.
 */
export function jitteredBackoffMs(
  attempt: number,
  bounds: BackoffBounds,
  random: () => number = Math.random,
): number {
  const cap = Math.min(bounds.maxMs, bounds.baseMs * 2 ** (attempt - 1))
  return Math.round(cap / 4 + (random() * cap * 3) / 4)
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
