const BOM = 0xfeff;

/**
 * The text all anchors refer to: a leading BOM removed and CRLF and lone CR turned into LF,
 * so that offsets mean the same whichever platform saved the file.
 */
export function normalizeText(raw: string): string {
  const body = raw.charCodeAt(0) === BOM ? raw.slice(1) : raw;
  return body.indexOf('\r') < 0 ? body : body.replace(/\r\n?/g, '\n');
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
  );
}
