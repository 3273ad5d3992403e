/**
 * The web page's files (`src/edges/web/`), read once and served from memory. Only the files listed here are
 * served, so no path from a request ever reaches the file system.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledFolder } from '../../core/data/index.ts';

const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
} as const;

/** URL path -> file in `src/edges/web/`. */
export const WEB_FILES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/teach.js': 'teach.js',
  '/api-key.js': 'api-key.js',
  '/wording.js': 'wording.js',
  '/compare': 'compare.html',
  '/compare.js': 'compare.js',
  '/compare.css': 'compare.css',
  '/style.css': 'style.css',
  '/docs.css': 'docs.css',
  '/favicon.svg': 'favicon.svg',
};

export type WebFile = { body: string; type: string };

// Found from this module whether it runs from src/ (tsx) or from dist/ (the bundle).
export const defaultWebDir = bundledFolder(['src', 'edges', 'web'], ['index.html', 'app.js']);

/** Reads the page's files from `dir` (the bundled `src/edges/web` by default). */
export function loadWebFiles(dir: string = defaultWebDir()): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  for (const [path, file] of Object.entries(WEB_FILES)) {
    const extension = file.slice(file.lastIndexOf('.') + 1) as keyof typeof TYPES;
    files.set(path, { body: readFileSync(join(dir, file), 'utf8'), type: TYPES[extension] });
  }
  return files;
}
