// The embedded database's lock file: a second process must not open the same folder (the
// newcomer test started two `npm run dev` on one .pglite folder).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimPgliteDir, PgliteInUseError, releasePgliteDir } from '@/db/pglite-lock';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'worthwise-lock-')), 'db');

describe('claimPgliteDir', () => {
  it('claims a free folder for this process, again without complaint, and releases it', () => {
    const dir = freshDir();
    claimPgliteDir(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    claimPgliteDir(dir);
    releasePgliteDir(dir);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('refuses a folder that a live process holds, naming it', () => {
    const dir = freshDir();
    const other = spawn('sleep', ['10']);
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
      expect(() => claimPgliteDir(dir)).toThrow(PgliteInUseError);
      expect(() => claimPgliteDir(dir)).toThrow(`open in process ${other.pid}`);
      releasePgliteDir(dir);
      expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill();
    }
  });

  it('takes over the lock of a process that has ended', () => {
    const dir = freshDir();
    const ended = spawnSync('true');
    writeFileSync(`${dir}.lock`, String(ended.pid));
    claimPgliteDir(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
  });

  it('says which lock file to delete when the process named in it is not ours (break-it 4)', () => {
    const dir = freshDir();
    writeFileSync(`${dir}.lock`, '1'); // init: always alive, never a Worthwise server
    expect(() => claimPgliteDir(dir)).toThrow(`delete ${dir}.lock`);
  });

  it('garbage or an empty lock file is taken over (break-it 4)', () => {
    for (const content of ['garbage', '', '-5', '12.5']) {
      const dir = freshDir();
      writeFileSync(`${dir}.lock`, content);
      claimPgliteDir(dir);
      expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    }
  });
});

describe('scripts while another process holds the embedded database (break-it 4)', () => {
  it.each(['db/migrate.ts', 'db/seed.ts'])('%s exits 1 with the plain message, no stack trace, and leaves the lock alone', (script) => {
    const dir = freshDir();
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
      const run = spawnSync('npx', ['tsx', script], { env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: `${dir}/` }, encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`is open in process ${other.pid}`);
      expect(run.stderr).not.toContain('    at ');
      expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill();
    }
  }, 60_000);
});
