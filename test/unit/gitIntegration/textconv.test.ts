import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSidecarForReview } from '../../../src/core/gitIntegration/textconv';
import { cli } from '../cli/runCliCapture';
import { expectGolden } from '../golden';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'review');

describe('textconv', () => {
  it('renders one block per annotation: quote, place, then one field per line', () => {
    const file = join(fixtures, 'changed-fields', 'before.yaml');
    expectGolden(join(fixtures, 'textconv', 'changed-fields.before.txt'), renderSidecarForReview(readFileSync(file, 'utf8'), 'before.yaml'));
  });

  it('shows a file it cannot read as it is, under a note saying why', () => {
    const text = 'schemaVersion: 1\n<<<<<<< HEAD\nannotations: []\n';
    const out = renderSidecarForReview(text, 'a.yaml');
    expect(out).toBe(`# policy-annotator: cannot read this sidecar (a.yaml:2:1: error: unresolved git merge conflict marker: resolve the conflict (or run the merge driver) before the file can be read); shown as it is\n${text}`);
  });

  it('the CLI prints the rendering for a file and exits 0', async () => {
    const result = await cli(fixtures, 'textconv', join('changed-fields', 'after.yaml'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('claim k3m9x2qa\n  quote: "Hong Kong is spending a lower share of its gross domestic product on R&D"\n  at: 1010-1083\n');
  });

  it('needs exactly one file', async () => {
    expect((await cli(fixtures, 'textconv')).code).toBe(2);
  });
});
