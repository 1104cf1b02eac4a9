// Finds the workspace document an imported annotation's source names: a path, a file: or http(s) URL,
// or a URN ending in the path (as our own W3C export writes). The source's path must end with the
// document's path, or the other way round; the longest such match wins, and a tie is reported.

export type DocumentMatch = { path: string } | { error: string };

/** The path part of a source IRI or reference, decoded, without query or fragment. */
export function sourcePath(source: string, baseIri?: string): string {
  let s = source.trim();
  if (baseIri && s.startsWith(baseIri)) s = s.slice(baseIri.length);
  else if (/^(https?|file):/i.test(s)) {
    try {
      s = new URL(s).pathname;
    } catch {
      // not a URL after all: used as it is
    }
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(s)) {
    const firstSlash = s.indexOf('/');
    const head = firstSlash < 0 ? s : s.slice(0, firstSlash);
    s = s.slice(head.lastIndexOf(':') + 1);
  }
  s = s.replace(/[?#].*$/, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep the undecoded text
  }
  return s.replace(/\\/g, '/').replace(/^\/+/, '').replace(/^\.\//, '');
}

export function matchDocument(source: string, documentPaths: readonly string[], baseIri?: string): DocumentMatch {
  const wanted = sourcePath(source, baseIri);
  if (!wanted) return { error: `source '${source}' names no document path` };
  if (documentPaths.includes(wanted)) return { path: wanted };
  const matches = documentPaths.filter((p) => wanted.endsWith('/' + p) || p.endsWith('/' + wanted));
  if (!matches.length) return { error: `no workspace document matches source '${source}' (use --document)` };
  const score = (p: string) => Math.min(p.length, wanted.length);
  const best = Math.max(...matches.map(score));
  const top = matches.filter((p) => score(p) === best).sort();
  if (top.length > 1) return { error: `source '${source}' matches several documents (${top.join(', ')}): use --document` };
  return { path: top[0] };
}
