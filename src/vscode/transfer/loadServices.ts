import * as path from 'node:path';

type Services = typeof import('../../core/services');

let loaded: Services | undefined;

/**
 * The core services (export formats, import readers) are bundled on their own, dist/services.js, and loaded
 * on first use: the editor's bundle, and so its activation, stays small. Errors cross the bundle boundary
 * by name (`CancelledError`, `InputError`), not by class.
 */
export function loadServices(): Services {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(__dirname, 'services.js')) as Services;
  return loaded;
}
