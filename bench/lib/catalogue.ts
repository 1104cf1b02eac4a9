// Synthetic catalogues: unique invented names, so matches come only from the names woven into the text.
import type { Catalogue, Entity, EntityType } from '../../src/core/entities';
import { rng } from './prng';

const ONSETS = ['b', 'br', 'c', 'd', 'dr', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'st', 't', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
const CODAS = ['', 'n', 'r', 'l', 'th', 'm', 'nd', 'st'];
const ORG_WORDS = ['Authority', 'Council', 'Bureau', 'Commission', 'Institute', 'Foundation', 'Agency', 'Trust'];
const TYPES: EntityType[] = ['person', 'organisation', 'place', 'programme'];

function word(r: ReturnType<typeof rng>, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += r.pick(ONSETS) + r.pick(VOWELS) + r.pick(CODAS);
  return w[0].toUpperCase() + w.slice(1);
}

/** `aliasCount` distinct names: entities with a name and one alias each (the first `aliasCount` of a fixed list). */
export function generateCatalogue(aliasCount: number, seed = 7): { catalogue: Catalogue; aliases: string[] } {
  const r = rng(seed);
  const used = new Set<string>();
  const fresh = (make: () => string): string => {
    for (;;) {
      const s = make();
      if (!used.has(s.toLowerCase())) {
        used.add(s.toLowerCase());
        return s;
      }
    }
  };
  const entities: Entity[] = [];
  const aliases: string[] = [];
  for (let i = 0; aliases.length < aliasCount; i++) {
    const type = TYPES[i % TYPES.length];
    let name: string;
    let alias: string;
    if (type === 'person') {
      const first = word(r, 2);
      const last = fresh(() => word(r, 2 + r.int(2)));
      name = fresh(() => `${first} ${last}`);
      alias = last;
    } else if (type === 'organisation') {
      const place = fresh(() => word(r, 2 + r.int(2)));
      name = fresh(() => `${place} ${r.pick(ORG_WORDS)}`);
      alias = fresh(() => `the ${place} ${r.pick(ORG_WORDS)} Board`);
    } else {
      name = fresh(() => word(r, 3));
      alias = fresh(() => `${name} ${type === 'place' ? 'District' : 'Scheme'}`);
    }
    const entity: Entity = { id: `e${i}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.replace(/-+$/, ''), type, name, aliases: [] };
    aliases.push(name);
    if (aliases.length < aliasCount) {
      entity.aliases.push(alias);
      aliases.push(alias);
    }
    entities.push(entity);
  }
  return { catalogue: { entities }, aliases };
}
