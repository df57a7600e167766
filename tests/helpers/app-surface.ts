import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const APP_DIR = resolve(process.cwd(), 'app');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const USE_SERVER = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

export interface SurfaceFile {
  /** Path from the repository root, e.g. `app/api/auth/[...nextauth]/route.ts`. */
  file: string;
  kind: 'route' | 'action';
}

/** Every route handler file and every 'use server' file under app/, found on disk. */
export function listSurfaceFiles(): SurfaceFile[] {
  return walk(APP_DIR).flatMap((path): SurfaceFile[] => {
    const file = relative(process.cwd(), path);
    if (/\/route\.tsx?$/.test(file)) return [{ file, kind: 'route' }];
    return USE_SERVER.test(readFileSync(path, 'utf8')) ? [{ file, kind: 'action' }] : [];
  });
}

/** Files that declare 'use server' inside a function: such inline actions would escape the enumeration. */
export function listInlineServerActions(): string[] {
  return walk(APP_DIR)
    .filter((path) => {
      const text = readFileSync(path, 'utf8');
      return /['"]use server['"]/.test(text.replace(USE_SERVER, ''));
    })
    .map((path) => relative(process.cwd(), path));
}

/** `file#export` for each HTTP handler of a route file and each exported function of an action file. */
export async function listSurfaceEntries(): Promise<string[]> {
  const entries: string[] = [];
  for (const { file, kind } of listSurfaceFiles()) {
    const mod = (await import(resolve(process.cwd(), file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function') continue;
      if (kind === 'action' || HTTP_METHODS.includes(name)) entries.push(`${file}#${name}`);
    }
  }
  return entries.sort();
}
