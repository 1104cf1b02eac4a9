import type * as vscode from 'vscode';
import type { TextChange } from '../../core/anchoring/types';
import { scanDocument, type ScanOptions } from '../../core/entities/scanDocument';
import type { Mention, Span } from '../../core/entities/types';
import { documentLines, normalizedText } from '../annotations/documentOffsets';
import type { FolderCatalogue } from './folderCatalogue';
import { chunks, offsetMentions, rescanRegion, shiftMentions, spliceMentions } from '../../core/entities/mentionEdits';

/** Pause after the last keystroke before rescanning. */
export const RESCAN_DELAY_MS = 150;
/** Texts up to this size are scanned in one go; larger ones a piece at a time, yielding in between. */
const SYNC_SCAN_CHARS = 256 * 1024;
const CHUNK_CHARS = 128 * 1024;
/** A dirty region larger than this is rescanned with the whole document. */
const MAX_INCREMENTAL_CHARS = 64 * 1024;

/**
 * The mentions of one open document, in normalised offsets, sorted and non-overlapping. Edits
 * shift them at once; the edited lines are rescanned after a pause in typing.
 */
export class DocumentMentions implements vscode.Disposable {
  mentions: Mention[] = [];
  /** True once a whole scan with the current catalogue and options finished: edits may then rescan just their lines. */
  complete = false;
  private dirty: Span | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;
  private scanning: Promise<void> | undefined;
  /** Edits made while a whole scan runs: its result is moved through them, so typing never restarts it. */
  private recorded: TextChange[][] | undefined;

  constructor(
    readonly document: vscode.TextDocument,
    public catalogue: FolderCatalogue,
    private readonly options: () => ScanOptions,
    /** Called after the mentions changed; `shifted` when only an edit moved them. */
    private readonly changed: (shifted: boolean) => void,
  ) {}

  /** Scans the whole document again (new catalogue, new options, or first open). */
  rescanAll(): Promise<void> {
    this.dirty = undefined;
    this.clearTimer();
    this.complete = false;
    this.recorded = [];
    const run = ++this.run;
    // Cleared from outside: a small document's scan finishes before scanAll even returns.
    const scanning = this.scanAll(run).finally(() => {
      if (this.scanning === scanning) this.scanning = undefined;
    });
    this.scanning = scanning;
    return scanning;
  }

  /** Resolves once no scan is running or waiting. */
  async idle(): Promise<void> {
    while (this.scanning || this.timer) {
      if (this.scanning) await this.scanning;
      else await new Promise((resolve) => setTimeout(resolve, RESCAN_DELAY_MS));
    }
  }

  edit(changes: readonly TextChange[]): void {
    if (!changes.length) return;
    this.dirty = shiftMentions(this.mentions, changes, this.dirty);
    this.recorded?.push([...changes]);
    this.changed(true);
    this.scheduleRescan();
  }

  private scheduleRescan(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.rescanDirty();
    }, RESCAN_DELAY_MS);
  }

  private rescanDirty(): void {
    const dirty = this.dirty;
    // A whole scan still running takes care of the edits when it finishes.
    if (!dirty || this.scanning) return;
    if (!this.complete || dirty.end - dirty.start > MAX_INCREMENTAL_CHARS) {
      void this.rescanAll();
      return;
    }
    this.dirty = undefined;
    // Only the lines around the edit are read: the whole text would be a copy of the document per pause.
    const region = rescanRegion(documentLines(this.document), this.mentions, dirty);
    if (region.end - region.start > MAX_INCREMENTAL_CHARS) {
      void this.rescanAll();
      return;
    }
    const fresh = offsetMentions(scanDocument(region.readText(), this.catalogue.index, this.options()), region.start);
    this.mentions = spliceMentions(this.mentions, region, fresh);
    this.changed(false);
  }

  private async scanAll(run: number): Promise<void> {
    const text = normalizedText(this.document);
    const options = this.options();
    let found: Mention[];
    if (text.length <= SYNC_SCAN_CHARS) found = scanDocument(text, this.catalogue.index, options);
    else {
      found = [];
      for (const piece of chunks(text, CHUNK_CHARS)) {
        await new Promise((resolve) => setImmediate(resolve));
        if (run !== this.run) return;
        found.push(...offsetMentions(scanDocument(text.slice(piece.start, piece.end), this.catalogue.index, options), piece.start));
      }
    }
    if (run !== this.run) return;
    for (const changes of this.recorded ?? []) shiftMentions(found, changes);
    this.recorded = undefined;
    this.mentions = found;
    this.complete = true;
    this.changed(false);
    if (this.dirty && !this.timer) this.scheduleRescan();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.clearTimer();
    this.run++;
  }
}
