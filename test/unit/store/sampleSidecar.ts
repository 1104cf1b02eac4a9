import { Sidecar } from '../../../src/core/model';

// A small sidecar over seeds/000, used by the store's golden tests.
export function sampleSidecar(): Sidecar {
  return {
    schemaVersion: 1,
    document: 'seeds/000_d3c97eb98561e2fd.txt',
    fingerprint: '0123456789abcdef0123456789abcdef01234567',
    annotations: [
      {
        id: 'k3m9x2qa',
        kind: 'claim',
        anchor: {
          exact: 'Hong Kong is spending a lower share of its gross domestic product on R&D',
          prefix: 'might also be asked of Hong Kong.\nGiven that ',
          suffix: ' and that these resources are spr',
          start: 1000,
          end: 1073,
        },
        label: 'Hong Kong spends a lower share of GDP on R&D',
        speaker: 'author',
        claimType: 'factual',
        tags: ['r-and-d', 'funding'],
        author: 'Ada Researcher',
        created: '2026-11-20T10:00:00Z',
        modified: '2026-11-20T10:00:00Z',
      },
      {
        id: 'p7w2n4zt',
        kind: 'stance',
        anchor: {
          exact: 'should serve as a wake-up call for Hong Kong',
          prefix: 'vehicles ',
          suffix: '. The warning highlights the risk',
          start: 300,
          end: 344,
        },
        holder: 'author',
        target: 'topic:following mainland industrial trends',
        polarity: 'oppose',
        note: 'The author warns against copying mainland trends.\nSee also the editorial in seed 003.',
        author: 'Ada Researcher',
        created: '2026-11-20T10:05:00Z',
        modified: '2026-11-21T09:00:00Z',
      },
      {
        id: 'r5t8v1bc',
        kind: 'link',
        anchor: { exact: '“involution”', prefix: 'highlights the risk of ', suffix: ' or vicious competition', start: 380, end: 392 },
        from: '#p7w2n4zt',
        to: 'seeds/002_da90e588b2ada6c6.txt#h2j4k6m8',
        relation: 'elaborates',
        author: 'Ada Researcher',
        created: '2026-11-20T10:06:00Z',
        modified: '2026-11-20T10:06:00Z',
        review: { status: 'fuzzy', was: '“involution”,' },
      },
    ],
  };
}
