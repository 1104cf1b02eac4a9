// How annotation values read in plain-text reviews (diff output and git textconv): short, unambiguous, one line.

/** A string is shown bare when that cannot be misread; otherwise as a JSON string (edge spaces, line breaks, quotes). */
export function showString(value: string): string {
  return value !== '' && !/^\s|\s$|[\n\r\t"\u0000-\u001f\u007f\u2028\u2029]/.test(value) && !/^[[{(]/.test(value) ? value : JSON.stringify(value);
}

/** One value on one line; `(none)` for an absent one. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'string') return showString(value);
  if (Array.isArray(value)) return `[${value.map((v) => showValue(v)).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${showValue(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** A quote, always in double quotes so its edges are visible. */
export function showQuote(exact: string): string {
  return JSON.stringify(exact);
}

/** What a reviewer reads instead of the quote of a link with no words of its own. */
export const NO_WORDS = '(a link with no words of its own)';

/** An annotation's quote, or NO_WORDS for an anchorless link. */
export function showQuoteOf(a: { exact: string; anchorless?: true }): string {
  return a.anchorless ? NO_WORDS : showQuote(a.exact);
}
