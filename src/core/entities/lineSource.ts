// A document's lines, read one at a time in normalised (LF) offsets. The editor rescans only the
// lines around an edit: reading them through the host's line model costs the lines, where the
// whole text (`getText()`) would copy the whole document on every pause in typing.

export interface LineSource {
  readonly lineCount: number;
  /** Line `line`'s text, without its line end. */
  lineText(line: number): string;
  /** Normalised offset at which line `line` starts. */
  lineStart(line: number): number;
  /** The line that holds a normalised offset (offsets past the end give the last line). */
  lineAt(offset: number): number;
}

/** A LineSource over a string already in normalised form (LF line ends). */
export function linesOfText(text: string): LineSource {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    lineCount: starts.length,
    lineText: (line) => text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] - 1 : text.length),
    lineStart: (line) => starts[line],
    lineAt(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** The text of lines `first`..`last` (inclusive), joined by LF as in the normalised text. */
export function textOfLines(lines: LineSource, first: number, last: number): string {
  const parts: string[] = [];
  for (let line = first; line <= last; line++) parts.push(lines.lineText(line));
  return parts.join('\n');
}
