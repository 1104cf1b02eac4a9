import { Document, isScalar, Scalar, visit } from 'yaml';
import type { Entity } from '../entities/types';
import { ANCHOR_FIELD_ORDER, FIELD_ORDER, REVIEW_FIELD_ORDER } from '../model';
import { STRINGIFY_OPTIONS } from '../store/yamlStyle';
import { readsAsNonStringInYaml11 } from '../yaml/yaml11';
import { absoluteRef, ExportAnnotation, ExportCorpus, ExportLink, LinkEnd, resolveCorpus } from './corpus';

// One YAML file for the whole corpus: documents with their annotations, the entities, and for each
// annotation the links that leave it and arrive at it. Keys are in a fixed order and lists sorted, so
// the same corpus always gives the same bytes.

export const YAML_EXPORT_FORMAT = 'policy-annotator/corpus';

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

export function exportYaml(corpus: ExportCorpus): string {
  const resolved = resolveCorpus(corpus);
  const out: { [key: string]: Plain } = {
    format: YAML_EXPORT_FORMAT,
    formatVersion: 1,
    positions: 'start and end count Unicode code points of the text with any BOM removed and line ends as LF; end is exclusive',
    documents: resolved.documents.map((doc) => ({
      path: doc.path,
      fingerprint: doc.sidecar.fingerprint,
      characters: doc.codePoints,
      annotations: doc.annotations.map((a) => annotationEntry(a, resolved.outgoing.get(a.ref) ?? [], resolved.incoming.get(a.ref) ?? [])),
      // Links between two annotations with no words of their own: only when the document has some.
      ...(doc.links.length ? { links: doc.links.map(linkEntry) } : {}),
    })),
    entities: resolved.entities.map(entityEntry),
  };
  const doc = new Document(out);
  // Strings a YAML 1.1 reader (PyYAML) would take for a boolean, null, number or date are quoted.
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && readsAsNonStringInYaml11(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString(STRINGIFY_OPTIONS);
}

function annotationEntry(item: ExportAnnotation, outgoing: LinkEnd[], incoming: LinkEnd[]): { [key: string]: Plain } {
  const a = item.annotation as unknown as Record<string, unknown>;
  const entry: { [key: string]: Plain } = {};
  for (const key of FIELD_ORDER[item.annotation.kind]) {
    const value = a[key];
    if (key === 'id') {
      entry.id = item.annotation.id;
      entry.ref = item.ref;
    } else if (key === 'anchor') {
      const anchor: { [key: string]: Plain } = {};
      for (const k of ANCHOR_FIELD_ORDER) {
        if (k === 'start' || k === 'end') {
          if (item.position) anchor[k] = item.position[k];
        } else anchor[k] = item.annotation.anchor[k];
      }
      if (!item.position) anchor.placed = false;
      entry.anchor = anchor;
    } else if (key === 'review' && value) {
      const review: { [key: string]: Plain } = {};
      for (const k of REVIEW_FIELD_ORDER) if ((value as Record<string, string>)[k] !== undefined) review[k] = (value as Record<string, string>)[k];
      entry.review = review;
    } else if ((key === 'from' || key === 'to' || key === 'target') && typeof value === 'string') {
      entry[key] = absoluteRef(value, item.document);
    } else if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      entry[key] = value as Plain;
    }
  }
  if (outgoing.length || incoming.length) {
    entry.links = {
      outgoing: outgoing.map((l) => ({ link: l.link, relation: l.relation, to: l.other })),
      incoming: incoming.map((l) => ({ link: l.link, relation: l.relation, from: l.other })),
    };
  }
  return entry;
}

function linkEntry(item: ExportLink): { [key: string]: Plain } {
  const l = item.link as unknown as Record<string, unknown>;
  const entry: { [key: string]: Plain } = {};
  for (const key of FIELD_ORDER.link) {
    const value = l[key];
    if (key === 'id') {
      entry.id = item.link.id;
      entry.ref = item.ref;
    } else if (key === 'from' || key === 'to') entry[key] = item[key];
    else if (key === 'review' && item.link.review) {
      const review: { [key: string]: Plain } = {};
      for (const k of REVIEW_FIELD_ORDER) if (item.link.review[k] !== undefined) review[k] = item.link.review[k]!;
      entry.review = review;
    } else if (key !== 'anchor' && value !== undefined && !(Array.isArray(value) && value.length === 0)) entry[key] = value as Plain;
  }
  return entry;
}

function entityEntry(e: Entity): { [key: string]: Plain } {
  const entry: { [key: string]: Plain } = { id: e.id, type: e.type, name: e.name };
  if (e.aliases.length) entry.aliases = [...e.aliases];
  if (e.description !== undefined) entry.description = e.description;
  if (e.role !== undefined) entry.role = e.role;
  if (e.links && (e.links.wikidata || e.links.url)) {
    const links: { [key: string]: Plain } = {};
    if (e.links.wikidata) links.wikidata = e.links.wikidata;
    if (e.links.url) links.url = e.links.url;
    entry.links = links;
  }
  if (e.related?.length) entry.related = [...e.related];
  return entry;
}
