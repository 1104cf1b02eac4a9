// Who speaks or holds a stance: the document's author, an entity from the catalogue, or a free-text
// party ("critics", "a government spokesman") written `party:<words>`, as topics are for targets.
import { AUTHOR, PARTY_PREFIX } from './model';

/** The words of a free-text party, or undefined when `ref` is the author or an entity id. */
export function freeParty(ref: string): string | undefined {
  return ref.startsWith(PARTY_PREFIX) ? ref.slice(PARTY_PREFIX.length) : undefined;
}

/** A speaker or holder value that names no entity (so references and catalogues ignore it). */
export function isNonEntityParty(ref: string): boolean {
  return ref === AUTHOR || ref.startsWith(PARTY_PREFIX);
}

/** How a speaker or holder reads to a person: "the author", the party's words, or the entity's name. */
export function partyDisplayName(ref: string, entityName: (id: string) => string | undefined): string {
  if (ref === AUTHOR) return 'the author';
  return freeParty(ref) ?? entityName(ref) ?? ref;
}
