import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './runCliCapture';
import { annotate, commitAll, editFile, git, tempRepo } from './tempRepo';

const DOC = 'seeds/000_d3c97eb98561e2fd.txt';
const QUOTES = {
  aaaa0001: 'Hong Kong is spending a lower share of its gross domestic product on R&D',
  aaaa0002: 'Northern Metropolis and Cyberport',
  aaaa0003: 'Central Urban Work Conference',
};

function setup(): string {
  const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
  annotate(root, DOC, QUOTES);
  commitAll(root);
  return root;
}

describe('policy-annotator validate', () => {
  it('passes a sidecar whose annotations all anchor exactly', async () => {
    const root = setup();
    const result = await cli(root, 'validate');
    expect(result).toEqual({ code: 0, out: '1 sidecar, 3 annotations: 0 errors, 0 warnings\n', err: '' });
  });

  it('fails with file:line:column when words were edited or deleted', async () => {
    const root = setup();
    editFile(root, DOC, (t) => t.replace('is spending', 'spends').replace('Northern Metropolis and Cyberport', 'the new districts'));
    const result = await cli(root, 'validate');
    expect(result.code).toBe(1);
    const lines = result.out.trim().split('\n');
    expect(lines[0]).toMatch(/^annotations\/seeds\/000_d3c97eb98561e2fd\.txt\.yaml:\d+:7: error: annotation aaaa0002: "Northern Metropolis and Cyberport" is no longer in the document/);
    expect(lines[1]).toMatch(/error: annotation aaaa0001: its words changed, "Hong Kong is spending .*" now reads "Hong Kong spends .*": needs review$/);
    expect(lines[2]).toMatch(/warning: annotation aaaa0003: its words moved from \d+-\d+ to \d+-\d+/);
    expect(lines[3]).toBe('1 sidecar, 3 annotations: 2 errors, 1 warning');
  });

  it('only warns when annotations merely moved', async () => {
    const root = setup();
    editFile(root, DOC, (t) => 'A new first line.\n' + t);
    const result = await cli(root, 'validate', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(3);
    expect(report.problems[0].message).toMatch(/moved from \d+-\d+ to \d+-\d+; run 'policy-annotator status --write'/);
  });

  it('reports a broken sidecar, a missing document and unresolved links', async () => {
    const root = setup();
    editFile(root, `annotations/${DOC}.yaml`, (t) => t.replace('claimType: factual', 'claimType: guess'));
    const result = await cli(root, 'validate');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/txt\.yaml:\d+:16: error: annotations\[\d\]\.claimType must be one of: factual, causal, predictive, normative, proposal/);

    rmSync(join(root, DOC));
    expect((await cli(root, 'validate')).out).toMatch(/:2:11: error: document 'seeds\/000_d3c97eb98561e2fd\.txt' not found/);
  });

  it('checks speakers against the entity catalogue when there is one', async () => {
    const root = setup();
    writeFileSync(join(root, 'annotations', 'entities.yaml'), 'schemaVersion: 1\nentities:\n  - id: xi-jinping\n    type: person\n    name: Xi Jinping\n    aliases: []\n');
    expect((await cli(root, 'validate')).code).toBe(0);
    editFile(root, `annotations/${DOC}.yaml`, (t) => t.replace('speaker: author', 'speaker: xi-jinpin'));
    const result = await cli(root, 'validate');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/txt\.yaml:\d+:14: error: 'xi-jinpin' is not an annotation reference \(path#id\) nor an entity id in the catalogue/);
    editFile(root, `annotations/${DOC}.yaml`, (t) => t.replace('speaker: xi-jinpin', 'speaker: xi-jinping'));
    expect((await cli(root, 'validate')).code).toBe(0);
  });

  it('checks that link targets exist', async () => {
    const root = setup();
    editFile(root, `annotations/${DOC}.yaml`, (t) => t.replace('speaker: author', 'speaker: "#nope0000"'));
    const result = await cli(root, 'validate');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/error: '#nope0000': no annotation 'nope0000' in seeds\/000_d3c97eb98561e2fd\.txt/);
  });
});

describe('policy-annotator status', () => {
  it('lists each annotation with its anchoring result, using the old text from git', async () => {
    const root = setup();
    editFile(root, DOC, (t) => 'Inserted.\n' + t.replace('is spending', 'spends').replace('Northern Metropolis and Cyberport', 'X'));
    const result = await cli(root, 'status', '--json');
    const doc = JSON.parse(result.out).documents[0];
    expect(doc.usedOldText).toBe(true);
    const status = Object.fromEntries(doc.annotations.map((a: { id: string; status: string }) => [a.id, a.status]));
    expect(status).toEqual({ aaaa0001: 'fuzzy', aaaa0002: 'orphaned', aaaa0003: 'moved' });
    expect(JSON.parse(result.out).totals).toEqual({ anchored: 0, moved: 1, fuzzy: 1, ambiguous: 0, orphaned: 1 });
  });

  it('--write saves the new selectors, marks what needs review, and stores the blob in git', async () => {
    const root = setup();
    editFile(root, DOC, (t) => 'Inserted.\n' + t.replace('Northern Metropolis and Cyberport', 'X'));
    const result = await cli(root, 'status', '--write');
    expect(result.out).toMatch(/\[written\]/);
    const sidecar = readFileSync(join(root, `annotations/${DOC}.yaml`), 'utf8');
    expect(sidecar).toMatch(/status: orphaned\n\s+was: Northern Metropolis and Cyberport/);
    const fingerprint = /^fingerprint: (\w+)$/m.exec(sidecar)![1];
    expect(git(root, 'hash-object', '--no-filters', DOC).trim()).toBe(fingerprint);
    expect(git(root, 'cat-file', '-t', fingerprint).trim()).toBe('blob');
    // A second run finds everything where it now is.
    expect((await cli(root, 'status', '--json')).out).toContain('"moved": 0');
  });

  it('without git history, finds moved words by quote', async () => {
    const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
    annotate(root, DOC, QUOTES);
    editFile(root, DOC, (t) => 'Inserted.\n' + t);
    const doc = JSON.parse((await cli(root, 'status', '--json')).out).documents[0];
    expect(doc.usedOldText).toBe(false);
    expect(doc.annotations.map((a: { status: string }) => a.status)).toEqual(['moved', 'moved', 'moved']);
  });
});

describe('CLI usage', () => {
  it('prints help for the program and for every command', async () => {
    const main = await cli('/', '--help');
    expect(main.code).toBe(0);
    expect(main.out).toMatch(/validate\s+check sidecars/);
    expect(main.out).toMatch(/status\s+re-anchor every annotation/);
    for (const command of ['validate', 'status']) {
      const help = await cli('/', command, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: policy-annotator ${command}`);
    }
  });

  it('exits 2 with usage on an unknown command or option', async () => {
    expect((await cli('/', 'frobnicate')).code).toBe(2);
    const bad = await cli('/', 'validate', '--nope');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Unknown option '--nope'[\s\S]*Usage: policy-annotator validate/);
  });
});
