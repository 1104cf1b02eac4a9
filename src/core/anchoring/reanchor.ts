import type { Anchor } from '../model';
import { ReanchorJob, type ReanchorOptions } from './reanchorJob';
import type { AnchorResult } from './types';

export { reanchorByDiff } from './reanchorByDiff';
export type { ReanchorOptions } from './reanchorJob';

export interface ChunkedReanchorOptions extends ReanchorOptions {
  /** Yield to the event loop after this many anchors (default 1000). */
  yieldEvery?: number;
  /** …or once a slice has run this long, in ms (default 25). */
  sliceMs?: number;
  /** Stops the work at the next slice boundary (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

/**
 * Re-anchors a batch against `newText`. With `oldText` (the text the anchors were made on):
 * identical texts are a fast path (each anchor checked in place), otherwise one diff maps every
 * span exactly. Without it, or for an anchor that does not match `oldText`, the quote is searched
 * for, starting where its neighbours moved. Results are in the order of `anchors`.
 */
export function reanchorAll(anchors: readonly Anchor[], newText: string, oldText?: string, options: ReanchorOptions = {}): AnchorResult[] {
  const job = new ReanchorJob(anchors, newText, oldText, options);
  while (!job.done) job.step(Infinity, Infinity);
  return job.results;
}

/**
 * reanchorAll in slices, yielding to the event loop between them so no synchronous stretch is
 * long (the one diff of a changed text is a single slice: tens of ms for a 1 MB text).
 */
export async function reanchorAllChunked(
  anchors: readonly Anchor[],
  newText: string,
  oldText?: string,
  options: ChunkedReanchorOptions = {},
): Promise<AnchorResult[]> {
  const job = new ReanchorJob(anchors, newText, oldText, options);
  const every = options.yieldEvery ?? 1000;
  const sliceMs = options.sliceMs ?? 25;
  while (!job.done) {
    options.signal?.throwIfAborted();
    job.step(every, sliceMs);
    if (!job.done) await yieldToEventLoop();
  }
  return job.results;
}

/** One anchor; for many, reanchorAll shares the diff and the neighbour shifts. */
export function reanchor(anchor: Anchor, newText: string, oldText?: string, options: ReanchorOptions = {}): AnchorResult {
  return reanchorAll([anchor], newText, oldText, options)[0];
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
