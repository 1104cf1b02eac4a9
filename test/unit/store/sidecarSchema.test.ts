import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_KINDS, LINK_RELATIONS } from '../../../src/core/model';
import { buildSidecarSchema } from '../../../src/core/store/sidecarSchema';
import { expectGolden } from '../golden';

const root = join(__dirname, '..', '..', '..');

describe('sidecar JSON Schema', () => {
  it('ships schemas/sidecar.schema.json equal to the schema built from the model (UPDATE_GOLDEN=1 regenerates it)', () => {
    expectGolden(join(root, 'schemas', 'sidecar.schema.json'), JSON.stringify(buildSidecarSchema(), null, 2) + '\n');
  });

  it('takes kinds and relations from the model tables', () => {
    const text = JSON.stringify(buildSidecarSchema());
    for (const kind of ANNOTATION_KINDS) expect(text).toContain(`"const":"${kind}"`);
    for (const relation of LINK_RELATIONS) expect(text).toContain(`"${relation}"`);
  });

  it('is contributed to the YAML extension for sidecar files', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const entry = manifest.contributes.yamlValidation.find((v: { url: string }) => v.url === './schemas/sidecar.schema.json');
    expect(entry.fileMatch).toContain('annotations/**/*.txt.yaml');
  });
});
