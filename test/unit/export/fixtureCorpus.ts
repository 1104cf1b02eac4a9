import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../../../src/core/anchoring';
import { loadCatalogue } from '../../../src/core/entities';
import { ExportCorpus } from '../../../src/core/export';
import { readSidecar } from '../../../src/core/store/readSidecar';

// The export fixture corpus: two seed excerpts (one with non-BMP characters, one with CRLF line ends),
// annotations of every kind, links within and across documents and to an entity, an orphaned note.
export const corpusRoot = join(__dirname, '..', '..', 'fixtures', 'review', 'corpus');
export const expectedDir = join(__dirname, '..', '..', 'fixtures', 'review', 'export');
export const CORPUS_DOCUMENTS = ['seeds/000_hong_kong_tech.txt', 'seeds/003_smart_city.txt'];

export function fixtureCorpus(): ExportCorpus {
  const documents = CORPUS_DOCUMENTS.map((path) => {
    const file = `annotations/${path}.yaml`;
    const read = readSidecar(readFileSync(join(corpusRoot, file), 'utf8'), file);
    if (read.problems.length) throw new Error(`fixture ${file}: ${read.problems.map((p) => p.message).join('; ')}`);
    return { path, text: normalizeText(readFileSync(join(corpusRoot, path), 'utf8')), sidecar: read.sidecar! };
  });
  const catalogue = loadCatalogue([{ file: 'entities.yaml', text: readFileSync(join(corpusRoot, 'annotations', 'entities.yaml'), 'utf8') }]);
  if (!catalogue.ok) throw new Error('fixture catalogue has errors');
  return { documents, entities: catalogue.catalogue.entities };
}

/** The [start, end) code points of `text`, as Python's text[start:end] reads them. */
export function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}
