import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexiconError } from '../../src/core/data/index.ts';
import { defaultSourcesDir, loadSourceTables, SOURCE_FILES } from '../../src/core/outlets/index.ts';

/** A copy of the bundled folder with `file` changed by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'slant-sources-'));
  for (const name of Object.values(SOURCE_FILES)) copyFileSync(join(defaultSourcesDir(), name), join(dir, name));
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

function loadError(dir: string): LexiconError {
  try {
    loadSourceTables(dir);
  } catch (error) {
    if (error instanceof LexiconError) return error;
    throw error;
  }
  throw new Error('expected a LexiconError');
}

const PRESSTV_RSP = '{"domain":"presstv.ir","id":"Press TV","name":"Press TV","status":"deprecated","blacklisted":false,"deprecated":true,"scope":null,"lastDiscussed":2021,"shortcut":"WP:PRESSTV","snapshot":"2026-04-18"}';
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('loadSourceTables', () => {
  it('loads the bundled tables once and indexes them by host', () => {
    const tables = loadSourceTables();
    expect(loadSourceTables()).toBe(tables);
    expect(tables.rsp.rows.length).toBeGreaterThan(800);
    expect(tables.cred1.rows.length).toBeGreaterThan(2000);
    expect(tables.ownership.rows.length).toBeGreaterThan(250);
    expect(tables.rsp.header.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(tables.rsp.licenseName).toBe('CC BY-SA 4.0');
    expect(tables.cred1.licenseName).toBe('CC BY 4.0');
    expect(tables.rspByHost.get('foxnews.com')?.length).toBe(3);
    expect(tables.outletByHost.get('news.sky.com')?.id).toBe('sky-news');
    expect(tables.hostsByDomain.get('sky.com')).toEqual(['news.sky.com']);
    expect(tables.referenceYear).toBe(2026);
  });

  // name, file, edit, error code, message, quoted value, the line at fault (found in the broken copy)
  it.each([
    ['an unknown status', SOURCE_FILES.rsp, (t: string) => t.replace(PRESSTV_RSP, PRESSTV_RSP.replace('"deprecated","blacklisted"', '"dubious","blacklisted"')), 'entry', /field "status": Invalid option/, '"dubious"', '"dubious"'],
    ['an unknown field (rows are strict)', SOURCE_FILES.rsp, (t: string) => t.replace(PRESSTV_RSP, PRESSTV_RSP.replace('"snapshot"', '"note":"x","snapshot"')), 'entry', /Unrecognized key/, 'note', '"note":"x"'],
    ['invalid JSON', SOURCE_FILES.rsp, (t: string) => t.replace(PRESSTV_RSP, PRESSTV_RSP.slice(0, -1)), 'json', /invalid JSON/, '{"domain":"presstv.ir"', '"domain":"presstv.ir"'],
    ['a duplicate row', SOURCE_FILES.rsp, (t: string) => t.replace(PRESSTV_RSP, `${PRESSTV_RSP}\n${PRESSTV_RSP.replace('"WP:PRESSTV"', '"WP:PRESSTV2"')}`), 'duplicate', /duplicate domain, path, scope, id, first defined on line \d+/, 'presstv.ir', 'WP:PRESSTV2'],
    ['a CRED-1 score above 1', SOURCE_FILES.cred1, (t: string) => t.replace('{"domain":"rt.com","category":"unreliable","score":0.075', '{"domain":"rt.com","category":"unreliable","score":7.5'), 'entry', /field "score"/, '7.5', '"score":7.5'],
    ['a domain written with www.', SOURCE_FILES.cred1, (t: string) => t.replace('{"domain":"rt.com",', '{"domain":"www.rt.com",'), 'entry', /field "domain"/, '"www.rt.com"', '"www.rt.com"'],
    // The row after the misplaced one is where the order breaks.
    ['unsorted rows', SOURCE_FILES.cred1, (t: string) => t.replace('{"domain":"rt.com",', '{"domain":"zz-last.com",'), 'unsorted', /comes after "zz-last\.com " \(line \d+/, 'rudaw.net', '"rudaw.net"'],
    ['a state outlet without a stateNote', SOURCE_FILES.ownership, (t: string) => t.replace(',"stateNote":"Iranian state broadcaster (IRIB), English-language international channel"', ''), 'entry', /field "stateNote": a state outlet needs a stateNote/, '{"id":"press-tv"', '"id":"press-tv"'],
    ['a domain under two outlets', SOURCE_FILES.ownership, (t: string) => t.replace('"domains":["rt.com",', '"domains":["rt.com","presstv.ir",'), 'duplicate', /domain already belongs to press-tv \(line \d+\)/, 'presstv.ir', '"id":"rt"'],
  ])('rejects %s, naming the file, line and value', (_name, file, edit, code, message, value, atLine) => {
    const dir = brokenCopy(file, edit);
    const line = lineOf(readFileSync(join(dir, file), 'utf8'), atLine);
    const error = loadError(dir);
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^lexicons/sources/${file.replace('.', '\\.')}:${line}: `));
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`(value: ${value}`);
  });

  it('rejects a table without its header', () => {
    const dir = brokenCopy(SOURCE_FILES.ownership, (t) => t.replace(/^# version: .*\n/m, ''));
    const error = loadError(dir);
    expect(error.code).toBe('header');
    expect(error.message).toMatch(/^lexicons\/sources\/ownership\.jsonl:1: header "version"/);
  });

  it('names the missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-sources-'));
    const error = loadError(dir);
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/^lexicons\/sources\/wikipedia-rsp\.jsonl:0: cannot read/);
  });
});
