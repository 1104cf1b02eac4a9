import type { Anchor } from '../model';
import { CONTEXT_LENGTH, createAnchor } from './createAnchor';
import { splitsSurrogatePair } from './normalize';
import { computeDiff, DiffJob, DiffMap, type DiffOptions } from './diffMapping';
import { loose, LooseText, looseTextOf } from './quote/looseText';
import { MOVED_MIN, reanchorByQuote, UNIQUE_QUOTE_MIN } from './quoteSearch';
import { ContextMatcher, evidence } from './similarity';
import type { AnchorResult } from './types';

export interface ReanchorOptions extends DiffOptions {
  /** Quote search: only search near the expected position, never scan the whole text. */
  localOnly?: boolean;
}

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

/**
 * The result for one anchor mapped through a diff (the anchor must quote the old text at its
 * offsets). Exact: unchanged characters are followed, so repeated phrases cannot be confused.
 */
export function reanchorByDiff(anchor: Anchor, map: DiffMap, oldText: string, newText: string): AnchorResult {
  const { start, end, exact } = anchor;
  const length = end - start;
  // The diff works on UTF-16 units and may cut a surrogate pair: widen to whole characters.
  let newStart = map.mapStart(start);
  if (splitsSurrogatePair(newText, newStart)) newStart--;
  let newEnd = Math.max(newStart, length === 0 ? newStart : map.mapEnd(end));
  if (splitsSurrogatePair(newText, newEnd)) newEnd++;
  if (newEnd - newStart === length && newText.startsWith(exact, newStart)) {
    return { status: newStart === start ? 'anchored' : 'moved', anchor: createAnchor(newText, newStart, newEnd) };
  }
  // Only the layout changed (a re-wrapped line, table padding): still on its words.
  const relaid = layoutOnlyChange(exact, newText, newStart, newEnd);
  if (relaid) return { status: relaid.start === start ? 'anchored' : 'moved', anchor: createAnchor(newText, relaid.start, relaid.end) };
  const surviving = map.survivingLength(start, end);
  // Half or more of the quote is still there: same place, edited text.
  if (2 * surviving >= length && newEnd > newStart) {
    const score = Math.round((2000 * surviving) / (length + newEnd - newStart)) / 1000;
    return { status: 'fuzzy', anchor: createAnchor(newText, newStart, newEnd), was: exact, score };
  }
  return relocateIntoInsertion(anchor, map, oldText, newText) ?? { status: 'orphaned', anchor };
}

/**
 * A quote deleted at its place may have been cut and pasted. Accepted only when it cannot be
 * confused with anything: a quote of some length that occurred once in the old text occurs once
 * in the new, inside text the diff reports as inserted, with agreeing context.
 */
function relocateIntoInsertion(anchor: Anchor, map: DiffMap, oldText: string, newText: string): AnchorResult | undefined {
  const { exact } = anchor;
  if (exact.length < UNIQUE_QUOTE_MIN) return undefined;
  if (countOccurrences(oldText, exact, 2) !== 1) return undefined;
  const at = newText.indexOf(exact);
  if (at < 0 || countOccurrences(newText, exact, 2) !== 1) return undefined;
  if (!map.insertions.some((run) => run.start <= at && at + exact.length <= run.end)) return undefined;
  const ctx = new ContextMatcher(anchor.prefix, anchor.suffix);
  const ev = evidence(exact.length, 1, ctx, ctx.prefixSimilarity(newText, at), ctx.suffixSimilarity(newText, at + exact.length));
  if (ev < MOVED_MIN) return undefined;
  return { status: 'moved', anchor: createAnchor(newText, at, at + exact.length), score: Math.round(ev * 1000) / 1000 };
}

/**
 * The quote's words, with only white space changed, at or right around the mapped place (the
 * diff may align re-padded cells with a neighbouring row): the one such copy there, if any.
 */
function layoutOnlyChange(exact: string, newText: string, newStart: number, newEnd: number): { start: number; end: number } | undefined {
  const quote = loose(exact);
  if (newEnd > newStart && loose(newText.slice(newStart, newEnd)) === quote) return { start: newStart, end: newEnd };
  if (exact.length < UNIQUE_QUOTE_MIN || !/\s/.test(exact)) return undefined;
  const from = Math.max(0, newStart - exact.length - CONTEXT_LENGTH);
  const window = new LooseText(newText.slice(from, Math.min(newText.length, newEnd + exact.length + CONTEXT_LENGTH)));
  const at = window.text.indexOf(quote);
  if (at < 0 || window.text.indexOf(quote, at + 1) >= 0) return undefined;
  const place = window.toOriginal(at, at + quote.length);
  const found = { start: from + place.start, end: from + place.end };
  // The same place: the copy overlaps what the diff mapped.
  return found.start < Math.max(newEnd, newStart + 1) && newStart < found.end ? found : undefined;
}

function countOccurrences(text: string, quote: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(quote); i >= 0 && n < limit; i = text.indexOf(quote, i + 1)) n++;
  return n;
}

/** The batch, as resumable work: anchors are processed in start order. */
class ReanchorJob {
  readonly results: AnchorResult[];
  private readonly order: number[];
  private next = 0;
  private map: DiffMap | undefined;
  private diffJob: DiffJob | undefined;
  private readonly mode: 'same' | 'diff' | 'quote';
  /** Shift of the last anchor found exactly, used as the expected shift of the next. */
  private delta = 0;
  /** Quote search, second pass, backwards: the position in `order`, and the next anchor placed after it. */
  private back = -1;
  private placedAfter = -1;
  /** For each position in `order`, the last anchor before it that the first pass placed (-1: none). */
  private placedBefore: Int32Array | undefined;

  constructor(
    private readonly anchors: readonly Anchor[],
    private readonly newText: string,
    private readonly oldText: string | undefined,
    private readonly options: ReanchorOptions,
  ) {
    this.results = new Array<AnchorResult>(anchors.length);
    this.mode = oldText === undefined ? 'quote' : oldText === newText ? 'same' : 'diff';
    this.back = this.mode === 'quote' ? anchors.length - 1 : -1;
    this.order = anchors.map((_, i) => i);
    if (this.mode === 'quote') this.order.sort((a, b) => anchors[a].start - anchors[b].start || a - b);
  }

  get done(): boolean {
    return this.next >= this.order.length && (this.mode !== 'quote' || this.back < 0);
  }

  /** Processes up to `count` anchors or until `ms` have passed; the diff of a large text is made in pieces too. */
  step(count: number, ms: number): void {
    const t0 = performance.now();
    if (this.mode === 'diff' && this.map === undefined && this.order.length > 0) {
      if (ms === Infinity) this.map = new DiffMap(computeDiff(this.oldText as string, this.newText, this.options));
      else {
        this.diffJob ??= new DiffJob(this.oldText as string, this.newText, this.options);
        if (this.diffJob.step(ms)) this.map = new DiffMap(this.diffJob.diffs());
      }
      return;
    }
    for (let k = 0; k < count && this.next < this.order.length; k++) {
      const i = this.order[this.next++];
      this.results[i] = this.one(this.anchors[i]);
      if ((k & 63) === 63 && performance.now() - t0 >= ms) return;
    }
    if (this.mode !== 'quote' || this.next < this.order.length) return;
    this.placedBefore ??= this.placedBeforeEach();
    // Backwards, so an anchor placed here helps the one before it.
    for (let k = 0; k < count && this.back >= 0; k++) {
      const i = this.order[this.back--];
      if (!isPlaced(this.results[i]) && this.placedAfter >= 0) this.recheckOne(i, this.placedAfter);
      if (!isPlaced(this.results[i]) && this.placedAfter >= 0) this.placeBetween(i, this.placedBefore[this.back + 1], this.placedAfter);
      if (isPlaced(this.results[i]) || this.onItsWords(i)) this.placedAfter = i;
      if ((k & 63) === 63 && performance.now() - t0 >= ms) return;
    }
  }

  /**
   * The first pass expected an anchor where the anchor before it moved; the one after it may
   * have moved differently (text inserted or removed in between). Searched again where that one
   * went, the result is kept only if it places the anchor with some confidence. The one after
   * may itself be only on its words (a far copy, flagged): two neighbours found with the same
   * shift confirm each other, so it is searched again where this one went.
   */
  private recheckOne(i: number, n: number): void {
    const result = this.searchWithShiftOf(i, n);
    if (!result) return;
    this.results[i] = result;
    if (!isPlaced(this.results[n])) this.results[n] = this.searchWithShiftOf(n, i) ?? this.results[n];
  }

  private searchWithShiftOf(i: number, n: number): AnchorResult | undefined {
    const expectedStart = this.anchors[i].start + (this.results[n].anchor.start - this.anchors[n].start);
    const result = reanchorByQuote(this.anchors[i], this.newText, { expectedStart, localOnly: this.options.localOnly });
    return isPlaced(result) && (result.score ?? 1) >= MOVED_MIN ? result : undefined;
  }

  private placedBeforeEach(): Int32Array {
    const out = new Int32Array(this.order.length);
    let last = -1;
    this.order.forEach((i, k) => {
      out[k] = last;
      if (isPlaced(this.results[i])) last = i;
    });
    return out;
  }

  /**
   * An anchor flagged on its own words (a far copy) between two placed neighbours: the words
   * are where an alignment would put them if they occur once between the neighbours' new
   * places and shifted no less than the one before and no more than the one after (or the
   * reverse), as text inserted or removed on either side would shift them.
   */
  private placeBetween(i: number, p: number, n: number): void {
    if (p < 0 || !this.onItsWords(i)) return;
    const r = this.results[i];
    const from = this.results[p].anchor.end;
    const to = this.results[n].anchor.start;
    if (r.anchor.start < from || r.anchor.end > to) return;
    const shift = (k: number): number => this.results[k].anchor.start - this.anchors[k].start;
    const s = r.anchor.start - this.anchors[i].start;
    if (s < Math.min(shift(p), shift(n)) || s > Math.max(shift(p), shift(n))) return;
    const lt = looseTextOf(this.newText);
    const quote = loose(this.anchors[i].exact);
    const first = lt.text.indexOf(quote, lt.toLoose(from));
    if (first < 0 || lt.text.indexOf(quote, first + 1) < lt.toLoose(to) - quote.length + 1 && lt.text.indexOf(quote, first + 1) >= 0) return;
    this.results[i] = { status: 'moved', anchor: r.anchor, score: r.score };
  }

  /** Flagged, but on the anchor's own words (layout aside): its place is a guess worth trying. */
  private onItsWords(i: number): boolean {
    const r = this.results[i];
    return r.status === 'fuzzy' && loose(this.newText.slice(r.anchor.start, r.anchor.end)) === loose(this.anchors[i].exact);
  }

  private one(anchor: Anchor): AnchorResult {
    const { newText } = this;
    const inOld = this.oldText !== undefined && this.oldText.startsWith(anchor.exact, anchor.start) && anchor.end - anchor.start === anchor.exact.length;
    if (this.mode === 'same' && inOld) return { status: 'anchored', anchor: createAnchor(newText, anchor.start, anchor.end) };
    if (this.mode === 'diff' && inOld && this.map) return reanchorByDiff(anchor, this.map, this.oldText as string, newText);
    const result = reanchorByQuote(anchor, newText, { expectedStart: anchor.start + this.delta, localOnly: this.options.localOnly });
    if (result.status === 'anchored' || result.status === 'moved') this.delta = result.anchor.start - anchor.start;
    return result;
  }
}

function isPlaced(r: AnchorResult): boolean {
  return r.status === 'anchored' || r.status === 'moved';
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
