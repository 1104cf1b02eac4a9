// A small XML writer: elements with attributes in the order given, two-space indentation, and escaping
// that survives a round trip (line breaks in attributes as character references, characters XML 1.0
// cannot hold replaced by U+FFFD).

export interface XmlElement {
  name: string;
  attributes?: Array<[string, string | number | boolean | undefined]>;
  /** Text content (for elements such as Description). */
  text?: string;
  children?: XmlElement[];
}

const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeText(text: string): string {
  return text.replace(INVALID_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function renderXml(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, 0, lines);
  return lines.join('\n') + '\n';
}

function write(el: XmlElement, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = (el.attributes ?? [])
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  const children = el.children ?? [];
  if (el.text !== undefined && !children.length) {
    lines.push(`${pad}<${el.name}${attrs}>${escapeText(el.text)}</${el.name}>`);
  } else if (!children.length) {
    lines.push(`${pad}<${el.name}${attrs}/>`);
  } else {
    lines.push(`${pad}<${el.name}${attrs}>`);
    for (const child of children) write(child, depth + 1, lines);
    lines.push(`${pad}</${el.name}>`);
  }
}
