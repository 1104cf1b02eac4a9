// The editor host's line model, as VS Code's extension host keeps a document (an array of lines and
// line starts recomputed lazily from the first line an edit touched). Edits are applied here
// untimed: that is VS Code's work. What the extension reads through it (LineSource) is timed.
import type { TextChange } from '../../src/core/anchoring';
import type { LineSource } from '../../src/core/entities/lineSource';

export class LineDocument implements LineSource {
  private lines: string[];
  private starts: number[] = [0];
  /** Line starts from this line on are stale. */
  private validUpTo = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  get lineCount(): number {
    return this.lines.length;
  }

  lineText(line: number): string {
    return this.lines[line];
  }

  lineStart(line: number): number {
    this.validate(line);
    return this.starts[line];
  }

  lineAt(offset: number): number {
    this.validate(this.lines.length - 1);
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** One change in normalised offsets (as the host applies an edit to its lines). */
  apply(change: TextChange): void {
    const first = this.lineAt(change.start);
    const last = this.lineAt(change.end);
    const head = this.lines[first].slice(0, change.start - this.starts[first]);
    const tail = this.lines[last].slice(change.end - this.starts[last]);
    this.lines.splice(first, last - first + 1, ...(head + change.text + tail).split('\n'));
    this.validUpTo = Math.min(this.validUpTo, first);
  }

  text(): string {
    return this.lines.join('\n');
  }

  private validate(line: number): void {
    for (let i = this.validUpTo + 1; i <= line; i++) this.starts[i] = this.starts[i - 1] + this.lines[i - 1].length + 1;
    this.validUpTo = Math.max(this.validUpTo, line);
  }
}
