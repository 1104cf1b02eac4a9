import * as vscode from 'vscode';
import { AUTHOR, CLAIM_TYPES, ClaimType, LINK_RELATIONS, LinkRelation, PARTY_PREFIX, POLARITIES, Polarity, TOPIC_PREFIX } from '../../core/model';
import { RecentValues } from './recentValues';
import { pickItem } from '../quickPick';

// Quick picks and input boxes: each asks one thing, offers the likely answer first, and returns
// undefined when the person cancels.

export interface EntityChoice {
  id: string;
  name: string;
  type: string;
  description?: string;
}

/** What the prompts need from the entity catalogue (the entity service implements it). */
export interface EntitySuggestions {
  entitiesIn(uri: vscode.Uri, start: number, end: number): EntityChoice[];
  allEntities(): EntityChoice[];
}

interface ValueItem<T> extends vscode.QuickPickItem {
  value: T;
}

const separator = (label: string): ValueItem<string> => ({ label, kind: vscode.QuickPickItemKind.Separator, value: '' });

const CLAIM_TYPE_HELP: Record<ClaimType, string> = {
  factual: 'states a fact or a figure',
  causal: 'says one thing leads to another',
  predictive: 'says what will happen',
  normative: 'judges what is good, bad, right or wrong',
  proposal: 'proposes what should be done',
  'rhetorical-question': 'asks a question whose answer is implied (paraphrase the implied claim)',
};

const POLARITY_HELP: Record<Polarity, string> = {
  support: 'for it',
  oppose: 'against it',
  neutral: 'neither for nor against',
  mixed: 'both for and against',
};

async function pick<T>(items: ValueItem<T>[], title: string, placeHolder: string): Promise<T | undefined> {
  return (await pickItem(items, { title, placeHolder }))?.value;
}

/** Speaker or holder: the author, a party in your own words (recent ones first), the entities in the passage, then every entity. */
export async function pickParty(title: string, nearby: EntityChoice[], all: EntityChoice[], recent?: RecentValues): Promise<string | undefined> {
  const NEW_PARTY = '\u0000party';
  const near = new Set(nearby.map((e) => e.id));
  const parties = recent?.get('party') ?? [];
  const items: ValueItem<string>[] = [
    { label: '$(person) The author', description: 'the document’s own voice', value: AUTHOR },
    { label: '$(organization) A party in your own words…', description: 'e.g. critics, officials, a government spokesman', value: NEW_PARTY },
    ...(parties.length ? [separator('Recent parties'), ...parties.map((p) => ({ label: `$(organization) ${p}`, value: PARTY_PREFIX + p }))] : []),
    ...(nearby.length ? [separator('In this passage'), ...nearby.map(entityItem)] : []),
    ...(all.length ? [separator('All entities'), ...all.filter((e) => !near.has(e.id)).map(entityItem)] : []),
  ];
  const chosen = await pick(items, title, 'Who says it? Type to search the entity catalogue');
  if (chosen !== NEW_PARTY) {
    if (chosen?.startsWith(PARTY_PREFIX)) await recent?.remember('party', chosen.slice(PARTY_PREFIX.length));
    return chosen;
  }
  const party = (await vscode.window.showInputBox({ title, prompt: 'Who, in your own words (not an entity of the catalogue)', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'A party is required') }))?.trim();
  if (party) await recent?.remember('party', party);
  return party ? PARTY_PREFIX + party : undefined;
}

function entityItem(e: EntityChoice): ValueItem<string> {
  return { label: e.name, description: `${e.type} · ${e.id}`, detail: e.description, value: e.id };
}

export function pickClaimType(recent: RecentValues): Promise<ClaimType | undefined> {
  const items = recent.order('claimType', CLAIM_TYPES).map((t) => ({ label: t, description: CLAIM_TYPE_HELP[t], value: t }));
  return pick(items, 'Claim type', 'What kind of claim is it?');
}

export function pickPolarity(): Promise<Polarity | undefined> {
  return pick(POLARITIES.map((p) => ({ label: p, description: POLARITY_HELP[p], value: p })), 'Polarity', 'What is the stance towards its target?');
}

export function pickRelation(recent: RecentValues): Promise<LinkRelation | undefined> {
  const items = recent.order('relation', LINK_RELATIONS).map((r) => ({ label: r, value: r }));
  return pick(items, 'Relation', 'How does this passage relate to the target?');
}

export interface ReferenceChoice {
  /** `path#id`, `#id` or an entity id. */
  ref: string;
  label: string;
  description?: string;
  detail?: string;
}

/** A stance target: a claim, an entity, or a free topic (recent topics first). */
export async function pickStanceTarget(claims: ReferenceChoice[], entities: EntityChoice[], recent: RecentValues): Promise<string | undefined> {
  const NEW_TOPIC = '\u0000topic';
  const topics = recent.get('topic');
  const items: ValueItem<string>[] = [
    { label: '$(tag) New topic…', description: 'a subject in your own words', value: NEW_TOPIC },
    ...(topics.length ? [separator('Recent topics'), ...topics.map((t) => ({ label: `$(tag) ${t}`, value: TOPIC_PREFIX + t }))] : []),
    ...(claims.length ? [separator('Claims'), ...claims.map(referenceItem)] : []),
    ...(entities.length ? [separator('Entities'), ...entities.map(entityItem)] : []),
  ];
  const chosen = await pick(items, 'Stance target', 'What is the stance about?');
  if (chosen !== NEW_TOPIC) return chosen;
  const topic = await vscode.window.showInputBox({ title: 'Topic', prompt: 'The subject the stance is about', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'A topic is required') });
  return topic ? TOPIC_PREFIX + topic.trim() : undefined;
}

function referenceItem(r: ReferenceChoice): ValueItem<string> {
  return { label: r.label, description: r.description, detail: r.detail, value: r.ref };
}

/** The other end of a cross-reference: any annotation in the workspace, or an entity. */
export function pickLinkTarget(annotations: ReferenceChoice[], entities: EntityChoice[]): Promise<string | undefined> {
  const items: ValueItem<string>[] = [
    ...(annotations.length ? [separator('Annotations'), ...annotations.map(referenceItem)] : []),
    ...(entities.length ? [separator('Entities'), ...entities.map(entityItem)] : []),
  ];
  return pick(items, 'Link to…', 'Search annotations by quote or label, or entities by name');
}

export function inputLabel(suggestion: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: 'Claim', prompt: 'Paraphrase what is claimed', value: suggestion, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'A label is required') });
}

export function inputNote(value = ''): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: 'Note', prompt: 'Your note on this passage', value, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'A note cannot be empty') });
}

export function inputTags(current: string[], recent: RecentValues): Thenable<string | undefined> {
  const hint = recent.get('tags').slice(0, 5).join(', ');
  return vscode.window.showInputBox({ title: 'Tags', prompt: `Comma-separated tags${hint ? ` (recent: ${hint})` : ''}`, value: current.join(', '), ignoreFocusOut: true });
}
