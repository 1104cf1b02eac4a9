// 3. Sidecar YAML: load and validate (readSidecar), save after one change (writeSidecar with the
// previous text), against plain `yaml` parseDocument / toString of the whole file.
import { parseDocument } from 'yaml';
import type { Claim, Sidecar } from '../../src/core/model';
import { readSidecar } from '../../src/core/store/readSidecar';
import { writeSidecar } from '../../src/core/store/writeSidecar';
import { clearLayoutCache } from '../../src/core/yaml/layoutCache';
import { generateAnnotations } from '../lib/annotations';
import { figure, sample, sampleOptions } from '../lib/measure';
import { rng } from '../lib/prng';
import { generateText, seedSentences } from '../lib/text';
import type { BenchConfig, Figure } from '../lib/types';

export function sidecarFor(count: number, text: string, seed = count): Sidecar {
  return { schemaVersion: 1, document: 'policies/housing.txt', fingerprint: 'a'.repeat(40), annotations: generateAnnotations(text, count, rng(seed), ['housing-authority', 'finance-bureau']) };
}

/** The sidecar with one annotation edited the way the editor does (a field and the modified time). */
export function withOneChange(s: Sidecar): Sidecar {
  const annotations = s.annotations.slice();
  const i = Math.floor(annotations.length / 2);
  const a = { ...annotations[i], modified: '2026-12-01T09:00:00Z' } as Claim;
  a.anchor = { ...a.anchor, start: a.anchor.start + 1, end: a.anchor.end + 1 };
  annotations[i] = a;
  return { ...s, annotations };
}

export async function runYaml(c: BenchConfig, log: (s: string) => void): Promise<Figure[]> {
  const out: Figure[] = [];
  const text = generateText(seedSentences(c.seedsDir), 1024 * 1024, rng(3));
  for (const count of c.yaml.annotationCounts) {
    const yamlText = writeSidecar(sidecarFor(count, text));
    const bytes = Buffer.byteLength(yamlText, 'utf8');
    const read = readSidecar(yamlText, 'annotations/policies/housing.txt.yaml');
    if (read.problems.length) throw new Error(`generated sidecar has problems: ${read.problems[0].message}`);
    const changed = withOneChange(read.sidecar!);
    const added = { ...read.sidecar!, annotations: [...read.sidecar!.annotations, sidecarFor(1, text, 99_999).annotations[0]] };
    const o = sampleOptions(c);
    const load = await sample(() => readSidecar(yamlText, 'x.yaml'), o);
    readSidecar(yamlText, 'x.yaml');
    const save = await sample(() => writeSidecar(changed, yamlText), o);
    // The previous text not read in this process (changed on disk by someone else): it is parsed first.
    const saveUncached = await sample(() => writeSidecar(changed, yamlText), o, () => clearLayoutCache());
    readSidecar(yamlText, 'x.yaml');
    const add = await sample(() => writeSidecar(added, yamlText), o);
    const fresh = await sample(() => writeSidecar(read.sidecar!), o);
    const parse = await sample(() => parseDocument(yamlText), o);
    const doc = parseDocument(yamlText);
    const stringify = await sample(() => doc.toString(), o);
    const perAnnotation = bytes / count;
    const common = { suite: 'yaml' as const, unit: 'ms' as const, xUnit: 'annotations', x: count };
    out.push(
      figure({ ...common, name: `load ${count} annotations`, metric: 'load', series: 'load (readSidecar)', target: count === 1000 ? { max: 100 } : count === 10_000 ? { max: 1000 } : undefined, extra: { bytes, bytesPerAnnotation: Math.round(perAnnotation), 'parseDocument/load': parse.median / load.median } }, load),
      figure({ ...common, name: `save one change, ${count} annotations`, metric: 'save', series: 'save one change', target: count >= 1000 ? { max: 20 } : undefined, extra: { 'toString/save': stringify.median / save.median } }, save),
      figure({ ...common, name: `save one change, previous text not cached, ${count} annotations`, metric: 'save', series: 'save one change (uncached)' }, saveUncached),
      figure({ ...common, name: `save one added, ${count} annotations`, metric: 'save', series: 'save one added', target: count >= 1000 ? { max: 20 } : undefined }, add),
      figure({ ...common, name: `write fresh, ${count} annotations`, metric: 'write', series: 'write fresh (no previous text)' }, fresh),
      figure({ ...common, name: `baseline yaml parseDocument, ${count} annotations`, metric: 'baseline', series: 'baseline parseDocument' }, parse),
      figure({ ...common, name: `baseline yaml toString, ${count} annotations`, metric: 'baseline', series: 'baseline toString' }, stringify),
    );
    log(`yaml: ${count}: ${Math.round(perAnnotation)} B/annotation, load ${load.median.toFixed(1)} ms, save ${save.median.toFixed(1)} ms (uncached ${saveUncached.median.toFixed(1)}), add ${add.median.toFixed(1)} ms, fresh ${fresh.median.toFixed(1)} ms, parseDocument ${parse.median.toFixed(1)} ms, toString ${stringify.median.toFixed(1)} ms`);
  }
  return out;
}
