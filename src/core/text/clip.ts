/** Text on one line, white space collapsed, cut with an ellipsis to at most `width` characters: for labels and messages. */
export function clip(text: string, width = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
}
