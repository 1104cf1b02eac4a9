import { unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_IMPORT_BYTES } from './foreignFile';

// Opening a REFI-QDA project safely: the .qdpx zip is read in memory only, and refused whole when an entry
// name leaves the project folder (zip slip: `..`, an absolute path, a drive letter), when its unpacked
// size passes the limit or an entry expands more than a zip bomb would need to (checked on the declared
// sizes before inflating, then on the real ones), and project.qde is refused when it declares a DOCTYPE
// (entities that expand without bound, external entities that read other files) or is not well-formed
// XML (with line and column).

/** More than this ratio of unpacked to packed size, on an entry over 1 MB, is a zip bomb, not a project. */
const MAX_RATIO = 200;

export type Archive = { files: Map<string, Uint8Array> } | { error: string };

export function badEntryName(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.split('/').some((part) => part === '..') || name.includes('\0');
}

export function openQdpx(bytes: Uint8Array, limit = MAX_IMPORT_BYTES): Archive {
  let total = 0;
  let refused: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(entry) {
        if (refused) return false;
        if (badEntryName(entry.name)) refused = `entry '${entry.name}' leaves the project folder (zip slip): refused`;
        else if ((total += entry.originalSize) > limit) refused = `it unpacks to more than the ${limit}-byte limit (at entry '${entry.name}'): refused`;
        else if (entry.originalSize > 1024 * 1024 && entry.originalSize > entry.size * MAX_RATIO) refused = `entry '${entry.name}' expands ${Math.round(entry.originalSize / Math.max(entry.size, 1))} times (a zip bomb): refused`;
        return !refused;
      },
    });
  } catch (error) {
    return { error: refused ?? `not a zip file (${(error as Error).message})` };
  }
  if (refused) return { error: refused };
  const real = Object.values(files).reduce((n, f) => n + f.length, 0);
  if (real > limit) return { error: `it unpacks to ${real} bytes, more than the ${limit}-byte limit: refused` };
  return { files: new Map(Object.entries(files)) };
}

export type ParsedXml = { root: Record<string, unknown> } | { error: string; at?: string };

const ARRAYS = new Set(['User', 'Code', 'TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'Link', 'Note', 'NoteRef', 'Set']);

export function parseQde(xml: string): ParsedXml {
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(xml);
  if (doctype) {
    const line = xml.slice(0, doctype.index).split('\n').length;
    const col = doctype.index - xml.lastIndexOf('\n', doctype.index - 1);
    return { error: 'it declares a DOCTYPE or entities, which REFI-QDA projects never need and which can expand without bound or read other files: refused', at: `${line}:${col}` };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `not well-formed XML: ${valid.err.msg}`, at: `${valid.err.line}:${valid.err.col}` };
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, parseTagValue: false, parseAttributeValue: false, trimValues: false, isArray: (name) => ARRAYS.has(name) });
  return { root: parser.parse(xml) as Record<string, unknown> };
}
