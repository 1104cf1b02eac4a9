// Copies the screenshots the README shows from the UI tests' output (test-results/, git-ignored) into
// docs/screenshots/. Run after `npm run test:ui`; the tests themselves never write into the tracked tree.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const shots = {
  'corpus-overview-hover.png': 'corpus-overview.png',
  'annotate-claim-hover.png': 'annotate-claim.png',
  'entity-hover.png': 'entity-hover.png',
  'disagreements-view.png': 'disagreements-view.png',
  'disagreements-superseded-shown.png': 'superseded-shown.png',
  'first-hour-1-start.png': 'first-hour-start.png',
  'decorations-paragraph.png': 'decorations-paragraph.png',
  'stance-map.png': 'stance-map.png',
  'stance-map-timeline.png': 'stance-map-timeline.png',
  'anchorless-link-hover.png': 'anchorless-link.png',
};
mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
for (const [from, to] of Object.entries(shots)) {
  const source = join(root, 'test-results', from);
  if (!existsSync(source)) {
    console.error(`missing ${source}: run npm run test:ui first`);
    process.exit(1);
  }
  copyFileSync(source, join(root, 'docs/screenshots', to));
  console.log(`docs/screenshots/${to} ← test-results/${from}`);
}
