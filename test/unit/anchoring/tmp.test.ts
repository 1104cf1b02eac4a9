import { it } from 'vitest';
import { createAnchor, reanchorAll } from '../../../src/core/anchoring';
import { SEEDS } from './propertyHelpers';
it('x', () => {
  const old = SEEDS[3].slice(0, 300);
  const s = old.indexOf('officials are');
  const a = createAnchor(old, s, s + 13);
  const n = old.slice(0, s) + old.slice(s + 19);
  console.log(JSON.stringify(a));
  console.log(JSON.stringify(n.slice(0, 220)));
  console.log(JSON.stringify(reanchorAll([a], n)));
});
