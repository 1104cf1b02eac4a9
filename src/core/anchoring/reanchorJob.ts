// The batch behind reanchorAll, as resumable work. With the old text: one diff, each anchor
// mapped through it. Without: quote search in start order, each anchor expected where the last
// placed one moved; then a second pass, backwards, and a third, forwards, for those not placed
// or placed out of order (see below and placeBetween.ts).
import type { Anchor } from '../model';
import { createAnchor } from './createAnchor';
import { computeDiff, DiffJob, DiffMap, type DiffOptions } from './diffMapping';
import { placeByOrder } from './placeBetween';
import { loose } from './quote/looseText';
import { MOVED_MIN, reanchorByQuote } from './quoteSearch';
import { reanchorByDiff } from './reanchorByDiff';
import type { AnchorResult } from './types';

export interface ReanchorOptions extends DiffOptions {
  /** Quote search: only search near the expected position, never scan the whole text. */
  localOnly?: boolean;
}

/** The batch, as resumable work: anchors are processed in start order. */
export class ReanchorJob {
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
  /** Third pass, forwards, for anchors still not placed: the position in `order`, the last anchor placed before it. */
  private fwd = 0;
  private placedLast = -1;
  /** For each position in `order`, the next anchor after it placed by the second pass (-1: none). */
  private placedNext: Int32Array | undefined;

  constructor(
    private readonly anchors: readonly Anchor[],
    private readonly newText: string,
    private readonly oldText: string | undefined,
    private readonly options: ReanchorOptions,
  ) {
    this.results = new Array<AnchorResult>(anchors.length);
    this.mode = oldText === undefined ? 'quote' : oldText === newText ? 'same' : 'diff';
    this.back = this.mode === 'quote' ? anchors.length - 1 : -1;
    this.fwd = this.mode === 'quote' ? 0 : anchors.length;
    this.order = anchors.map((_, i) => i);
    if (this.mode === 'quote') this.order.sort((a, b) => anchors[a].start - anchors[b].start || a - b);
  }

  get done(): boolean {
    return this.next >= this.order.length && (this.mode !== 'quote' || this.fwd >= this.order.length);
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
      this.placeBetween(i, this.placedBefore[this.back + 1], this.placedAfter);
      if (isPlaced(this.results[i]) || this.onItsWords(i)) this.placedAfter = i;
      if ((k & 63) === 63 && performance.now() - t0 >= ms) return;
    }
    if (this.back >= 0) return;
    // Forwards, so an anchor the second pass placed bounds the one after it.
    this.placedNext ??= this.placedNextEach();
    for (let k = 0; k < count && this.fwd < this.order.length; k++) {
      const i = this.order[this.fwd];
      if (!isPlaced(this.results[i])) this.placeBetween(i, this.placedLast, this.placedNext[this.fwd]);
      if (isPlaced(this.results[i])) this.placedLast = i;
      this.fwd++;
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

  private placedNextEach(): Int32Array {
    const out = new Int32Array(this.order.length);
    let last = -1;
    for (let k = this.order.length - 1; k >= 0; k--) {
      out[k] = last;
      if (isPlaced(this.results[this.order[k]])) last = this.order[k];
    }
    return out;
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
   * An anchor not placed, or placed out of order, between two placed neighbours: its words, if
   * they occur exactly once between the neighbours' new places (see placeBetween.ts). A
   * document edge is no bound: the text there may have been cut along with the neighbours.
   */
  private placeBetween(i: number, p: number, n: number): void {
    if (p < 0 || n < 0) return;
    const from = this.results[p].anchor.end;
    const to = this.results[n].anchor.start;
    const r = this.results[i];
    if (isPlaced(r) && r.anchor.start >= from && r.anchor.end <= to) return;
    const shifted = (k: number): number => this.anchors[i].start + this.results[k].anchor.start - this.anchors[k].start;
    const expected = [shifted(p), shifted(n)];
    const placed = placeByOrder(this.anchors[i], r, this.newText, from, to, expected);
    if (placed) this.results[i] = placed;
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
