import { describe, expect, it } from 'vitest';
import { zhdeck } from '../helpers.js';

describe('zhdeck lookup', () => {
  it('prints the everyday entry first as JSON', () => {
    const r = zhdeck(['lookup', '銀行', '--json']);
    expect(r.status).toBe(0);
    const entries = JSON.parse(r.stdout);
    expect(entries[0]).toMatchObject({ traditional: '銀行', simplified: '银行', pinyin: 'yín háng', senses: ['bank'] });
    expect(Object.keys(entries[0]).sort()).toEqual(['classifiers', 'flags', 'pinyin', 'senses', 'simplified', 'traditional']);
  });

  it('prints a readable entry', () => {
    const r = zhdeck(['lookup', '长城']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('長城 (长城)  Cháng chéng');
    expect(r.stdout).toContain('the Great Wall');
  });

  it('an unknown word is exit 2 with one line; --json gives []', () => {
    const r = zhdeck(['lookup', '㐀㐀㐀']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no CC-CEDICT entry for "㐀㐀㐀"/);
    const j = zhdeck(['lookup', '㐀㐀㐀', '--json']);
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual([]);
  });

  it('has help and version, and a bad flag is exit 2', () => {
    expect(zhdeck(['--help']).stdout).toContain('lookup');
    expect(zhdeck(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = zhdeck(['lookup', '銀行', '--nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown option/);
    expect(bad.stderr).not.toMatch(/at .*\.js/);
  });
});
