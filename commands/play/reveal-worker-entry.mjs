// Used only when running from the TypeScript sources (tests, tsx while developing; the build runs
// reveal-worker.js directly): a worker thread does not inherit the TypeScript loader the main thread
// runs under, so this entry registers it (tsx, a dev dependency) before loading the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./reveal-worker.ts');
