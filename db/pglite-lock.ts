import { readFileSync, rmSync, writeFileSync } from 'node:fs';

// PGlite is a single-process database: two processes that open the same folder (a second
// `npm run dev`, or the seed script while the dev server runs) each think they own it and can
// corrupt it. A lock file beside the folder names the process that has it open.

/** Thrown when another live process has the embedded database open. */
export class PgliteInUseError extends Error {}

const lockPath = (dir: string) => `${dir}.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the embedded database folder `dir` (an absolute path) for this process, or throws
 * PgliteInUseError naming the process that has it. A lock left by a process that has ended is
 * taken over.
 */
export function claimPgliteDir(dir: string): void {
  const path = lockPath(dir);
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(path, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new PgliteInUseError(
      `The embedded database in ${dir} is open in process ${holder} (another \`npm run dev\`?). `
        + `Stop that process first, or set PGLITE_DIR to another folder. If that process is not one of ours (its id was reused after a crash), delete ${path}.`,
    );
  }
  writeFileSync(path, String(process.pid));
}

/** Gives the folder up, if this process holds it. */
export function releasePgliteDir(dir: string): void {
  try {
    if (Number(readFileSync(lockPath(dir), 'utf8').trim()) === process.pid) rmSync(lockPath(dir));
  } catch {
    // No lock file: nothing to release.
  }
}
