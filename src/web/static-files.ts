/**
 * The built front end (dist/web, made by Vite), read once at start-up into memory. Only files that were
 * there are ever served, so no request path can reach outside the folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export const DEFAULT_CLIENT_DIR = join(PACKAGE_ROOT, 'dist/web');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  readonly body: Uint8Array;
  readonly contentType: string;
  /** Vite's hashed assets never change under one name, so browsers may keep them. */
  readonly immutable: boolean;
}

/** URL path ('/assets/main-abc.js') → file; empty when the front end has not been built. */
export function loadClientFiles(dir: string = DEFAULT_CLIENT_DIR): ReadonlyMap<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(dir)) return files;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.startsWith('.')) {
        const urlPath = `/${relative(dir, path).split('\\').join('/')}`;
        files.set(urlPath, {
          body: readFileSync(path),
          contentType: CONTENT_TYPES[extname(entry.name)] ?? 'application/octet-stream',
          immutable: urlPath.startsWith('/assets/'),
        });
      }
    }
  };
  walk(dir);
  return files;
}
