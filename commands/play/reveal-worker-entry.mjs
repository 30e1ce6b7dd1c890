// A worker thread does not inherit the TypeScript loader the main thread runs under, so the entry
// point registers it before loading the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./reveal-worker.ts');
