import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireFolderLock, FolderLockedError } from './folder-lock.js';

const folders: string[] = [];
const tempFolder = () => {
  const f = mkdtempSync(path.join(tmpdir(), 'partnerskap-lock-'));
  folders.push(f);
  return f;
};
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('the embedded database folder lock', () => {
  it('refuses a second holder while the first is alive', () => {
    const folder = tempFolder();
    const release = acquireFolderLock(folder);
    expect(readFileSync(path.join(folder, 'partnerskap.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => acquireFolderLock(folder)).toThrow(FolderLockedError);
    release();
    const again = acquireFolderLock(folder);
    again();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const folder = tempFolder();
    // Pids are below 2^22 on Linux, so this one cannot be running.
    writeFileSync(path.join(folder, 'partnerskap.lock'), '99999999');
    const release = acquireFolderLock(folder);
    expect(readFileSync(path.join(folder, 'partnerskap.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
