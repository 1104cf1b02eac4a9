import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// seeds/ keeps the five sample documents byte for byte: the corpus anchors and the tests rely on them.
const root = join(__dirname, '..', '..', '..');
const EXPECTED: Record<string, string> = {
  '000_d3c97eb98561e2fd.txt': '9c61d88dbcc5b2e1898e8f785335c877aa934065caac01d83513a9b180655368',
  '001_79ead2d7149b2ec1.txt': '44e5a7f7cd1f6599c0913371ac81b7ca06fefe4d24b6d1d8145a34a9755ecea0',
  '002_da90e588b2ada6c6.txt': '059522d99200966939be1ce0298c050ae80056721adaff49c0dc0c0713d3472b',
  '003_892e88a64976a510.txt': '5d94d45911c66e9c071dd7bd2a155334b9d7e4bf0f7c8522d6b9f9758cdf426a',
  '004_37cb7f1bcf4e8cbd.txt': '2736a0e8baf1736299e237d4e63045f45d7d50aa7469e547c4707a4a7f176804',
};
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('seed documents', () => {
  it('are the five sample documents, byte for byte', () => {
    expect(readdirSync(join(root, 'seeds')).sort()).toEqual(Object.keys(EXPECTED));
    for (const [name, hash] of Object.entries(EXPECTED)) expect(sha256(join(root, 'seeds', name)), name).toBe(hash);
  });

  // The originals live in ../shared/seeds beside the repository (on CI and developers' machines).
  const shared = join(root, '..', 'shared', 'seeds');
  it.runIf(existsSync(shared))('are identical to ../shared/seeds', () => {
    for (const name of readdirSync(shared)) expect(sha256(join(root, 'seeds', name)), name).toBe(sha256(join(shared, name)));
  });
});
