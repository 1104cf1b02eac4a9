// Shared fixtures: the seed documents and the shipped catalogue.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildEntityIndex, loadCatalogue, type EntityIndex } from '../../../src/core/entities/index';

export const ROOT = resolve(__dirname, '../../..');
export const SEEDS_DIR = join(ROOT, 'seeds');
export const CATALOGUE_FILE = join(ROOT, 'annotations/entities.yaml');

export interface Seed {
  name: string;
  text: string;
}

export function seeds(): Seed[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));
}

export function shippedCatalogue() {
  return loadCatalogue([{ file: 'annotations/entities.yaml', text: readFileSync(CATALOGUE_FILE, 'utf8') }]);
}

let index: EntityIndex | undefined;
export function shippedIndex(): EntityIndex {
  return (index ??= buildEntityIndex(shippedCatalogue().catalogue));
}
