import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Entity } from '../../core/entities/types';
import type { Annotation } from '../../core/model';
import { CommandIds } from '../commandIds';
import type { WorkspaceEntry } from '../workspace/workspaceAnnotations';
import { ENTITY_LINK_COMMANDS } from './entityCommandIds';
import { commandLink, escapeMarkdown, safeMarkdown, webLink } from './markdown';
import type { DocumentMentionList } from './workspaceMentions';

export interface EntityCardInput {
  entity: Entity;
  /** The document hovered, and how often it mentions the entity. */
  uri: vscode.Uri;
  hereCount: number;
  /** Every document that mentions it; undefined while the workspace is still being counted. */
  documents: DocumentMentionList[] | undefined;
  annotations: WorkspaceEntry[];
  relative: (uri: vscode.Uri) => string;
}

const MAX_DOCUMENTS = 8;
const MAX_ANNOTATIONS = 8;

/** The hover card of a catalogue entity. Every piece of text from files is escaped. */
export function entityCard(input: EntityCardInput): vscode.MarkdownString {
  const { entity } = input;
  const md = safeMarkdown(ENTITY_LINK_COMMANDS);
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** · ${escapeMarkdown(entity.type)}${entity.role ? ` · ${escapeMarkdown(entity.role)}` : ''}`);
  if (entity.description) lines.push(escapeMarkdown(entity.description));
  if (entity.aliases.length) lines.push(`Also: ${entity.aliases.map(escapeMarkdown).join(', ')}`);
  const links = [entity.links?.wikidata && webLink(`Wikidata ${entity.links.wikidata}`, `https://www.wikidata.org/wiki/${entity.links.wikidata}`), entity.links?.url && webLink(entity.links.url, entity.links.url)].filter(Boolean);
  if (links.length) lines.push(`Links: ${links.join(' · ')}`);
  lines.push(mentionLine(input));
  const others = (input.documents ?? []).filter((d) => d.uri.toString() !== input.uri.toString());
  if (others.length) {
    const shown = others.slice(0, MAX_DOCUMENTS).map((d) => {
      const r = d.ranges[0];
      return commandLink(`${input.relative(d.uri)} (${d.ranges.length})`, CommandIds.openEntityMention, [d.uri.toString(), r.start.line, r.start.character, r.end.line, r.end.character]);
    });
    lines.push(`Also in: ${shown.join(' · ')}${others.length > MAX_DOCUMENTS ? ` and ${others.length - MAX_DOCUMENTS} more` : ''}`);
  }
  if (input.annotations.length) {
    const items = input.annotations.slice(0, MAX_ANNOTATIONS).map((e) => `- ${annotationLine(e, entity.id, input.relative)}`);
    if (input.annotations.length > MAX_ANNOTATIONS) items.push(`- and ${input.annotations.length - MAX_ANNOTATIONS} more`);
    lines.push(`Annotations:\n\n${items.join('\n')}`);
  }
  lines.push(
    [
      commandLink('Find all mentions', CommandIds.findEntityMentions, [entity.id], 'Find All Mentions'),
      commandLink('Edit entity', CommandIds.editEntity, [entity.id], 'Open the catalogue entry'),
      commandLink('Add alias', CommandIds.addEntityAlias, [entity.id], 'Add another name'),
    ].join(' · '),
  );
  md.appendMarkdown(lines.join('\n\n'));
  return md;
}

function mentionLine(input: EntityCardInput): string {
  const here = `${plural(input.hereCount, 'mention')} in this document`;
  if (!input.documents) return `${here} · counting the workspace…`;
  const total = input.documents.reduce((n, d) => n + d.ranges.length, 0);
  return `${here} · ${plural(total, 'mention')} in ${plural(input.documents.length, 'document')} of the workspace`;
}

/** Annotations where the entity is speaker, holder, target or a link end. */
export function involving(entries: readonly WorkspaceEntry[], id: string): WorkspaceEntry[] {
  return entries.filter((e) => rolesOf(e.annotation, id).length);
}

function rolesOf(a: Annotation, id: string): string[] {
  const roles: string[] = [];
  if (a.kind === 'claim' && a.speaker === id) roles.push('speaker');
  if (a.kind === 'stance' && a.holder === id) roles.push('holder');
  if (a.kind === 'stance' && a.target === id) roles.push('target');
  if (a.kind === 'link' && a.from === id) roles.push('from');
  if (a.kind === 'link' && a.to === id) roles.push('to');
  return roles;
}

function annotationLine(e: WorkspaceEntry, id: string, relative: (uri: vscode.Uri) => string): string {
  const a = e.annotation;
  const what = a.kind === 'claim' ? a.label : a.kind === 'stance' ? `${a.polarity} ${a.target === id ? `by ${a.holder}` : `on ${a.target}`}` : a.kind === 'link' ? a.relation : (a.note ?? '');
  const label = `${a.kind} (${rolesOf(a, id).join(', ')}) in ${path.posix.basename(relative(e.uri))}`;
  return `${commandLink(label, CommandIds.revealAnnotation, [{ uri: e.uri.toString(), id: a.id }])}: “${escapeMarkdown(clip(what))}”`;
}

function clip(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Short card for a value or a candidate name. */
export function mentionCard(kind: 'value' | 'candidate', type: string, text: string, uri: vscode.Uri, start: number, end: number): vscode.MarkdownString {
  const md = safeMarkdown(ENTITY_LINK_COMMANDS);
  if (kind === 'value') md.appendMarkdown(`**${escapeMarkdown(text)}** · ${escapeMarkdown(type)}`);
  else {
    md.appendMarkdown(`**${escapeMarkdown(text)}** · not in the entity catalogue\n\n`);
    md.appendMarkdown(commandLink('Add to catalogue…', CommandIds.addSelectionAsEntity, [{ uri: uri.toString(), start, end }]));
  }
  return md;
}
