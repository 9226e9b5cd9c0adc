// The mention log as files: CSV a spreadsheet opens safely, JSON that comes back whole, imports
// refused with the place of the problem.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv, toJson, parseImport, decodeFile, csvField, CSV_COLUMNS, MAX_IMPORT_ENTRIES } from '../../extension/log/transfer.js';
import { LogError } from '../../extension/log/record.js';
import { entry } from './fixtures.mjs';

const refused = (text, message) => assert.throws(() => parseImport(text), (e) => e instanceof LogError && e.message.startsWith(message), message);

test('CSV: a header, one row per mention, quoted where needed, formulas kept as text', () => {
  const rows = [entry({ text: 'He said "wow", then\nleft' }), entry({ text: '=HYPERLINK("http://evil")', author: { name: '@ana', handle: 'ana' } })];
  const csv = toCsv(rows);
  assert.ok(csv.startsWith('\ufefffirst_seen,last_seen,'), 'UTF-8 BOM and header');
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0].split(',').length, CSV_COLUMNS.length);
  assert.match(csv, /"He said ""wow"", then\nleft"/);
  assert.match(csv, /'=HYPERLINK\(""http:\/\/evil""\)/);
  assert.equal(csvField('@ana'), "'@ana");
  assert.equal(csvField(-0.5), '-0.5', 'numbers are numbers');
  assert.equal(lines.length, 2 + 1 + 1, 'header, two rows (one holds a line break), trailing line end');
});

test('JSON export comes back whole', () => {
  const rows = [entry(), entry({ actions: { corrected: { intent: 'question', at: Date.UTC(2026, 10, 21) } } })];
  assert.deepEqual(parseImport(toJson(rows)), rows);
});

test('imports are refused with the line, the field or the limit', () => {
  refused('{"format": "hattip-mention-log",\n "version": 1\n "mentions": []}', 'file: not valid JSON at line 3, column 2');
  refused('[]', 'file: not a Hat Tip mention log export');
  refused('{"format": "other"}', 'format: not a Hat Tip mention log export');
  refused('{"format": "hattip-mention-log", "version": 9, "mentions": []}', 'version: 9 is not a version');
  refused(JSON.stringify({ format: 'hattip-mention-log', version: 1, mentions: [entry(), { ...entry(), intent: 5 }] }), 'mentions[1].intent: 5 is not one of');
  const twice = entry();
  refused(JSON.stringify({ format: 'hattip-mention-log', version: 1, mentions: [twice, twice] }), 'mentions[1].key: the same post twice');
  refused(`{"format": "hattip-mention-log", "version": 1, "mentions": [${'0,'.repeat(MAX_IMPORT_ENTRIES)}0]}`, `mentions: ${MAX_IMPORT_ENTRIES + 1} entries`);
  refused(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'file:');
});

test('a file that is not UTF-8 is refused, not guessed at', () => {
  assert.throws(() => decodeFile(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), /file: not UTF-8 text/);
  assert.equal(decodeFile(new TextEncoder().encode('{"a": "é"}')), '{"a": "é"}');
});
