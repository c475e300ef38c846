import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../contract/audit';
import { auditCsvHeader, auditCsvRow, csvField } from './audit-csv';

const FORMULA_CHARACTERS = ['=', '+', '-', '@', '\t', '\r'];

const event = (overrides: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  at: '2026-12-06T10:00:00.000Z',
  actorType: 'user',
  actorId: null,
  actorLabel: 'root@example.com',
  action: 'deployment.create',
  targetType: 'deployment',
  targetId: 'd-1',
  targetLabel: 'name',
  details: null,
  address: '192.0.2.1',
  ...overrides,
} as AuditEvent);

/** Every cell a spreadsheet could see: the parsed fields, and their pieces split at `,` and `;`. */
const cellsOf = (csv: string) =>
  (parse(csv, { relax_column_count: false }) as string[][]).flat().flatMap((value) => value.split(/[,;]/).map((piece) => piece.replace(/^ +/, '')));

describe('audit CSV', () => {
  it('quotes every field, doubles quotes, and reads back as written (RFC 4180)', () => {
    const csv = auditCsvHeader() + auditCsvRow(event({ targetLabel: 'a "quoted", name\r\nwith a break', details: { note: 'x' } }));
    expect(csv.split('\r\n')[0]).toBe('"at","actor_type","actor","action","target_type","target_id","target","details","address"');
    const [, row] = parse(csv) as string[][];
    expect(row![6]).toBe('a "quoted", name\r\nwith a break');
    expect(row![7]).toBe('{"note":"x"}');
  });

  it('neutralises a cell that begins with a formula character, also after ; or , inside a field', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('note;=1+1')).toBe(`"note;'=1+1"`);
    expect(csvField('a, -2+3')).toBe(`"a, '-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvField('a;\t=1')).toBe(`"a;'\t=1"`);
    expect(csvField('plain text')).toBe('"plain text"');
    expect(csvField(null)).toBe('""');
  });

  it("leaves no cell, in any locale's split, beginning with a formula character (property)", () => {
    const risky = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', ',', ';', ' ', '"', 'a', '1', '\n') });
    fc.assert(
      fc.property(risky, risky, fc.dictionary(fc.string(), risky), (label, target, details) => {
        const csv = auditCsvRow(event({ actorLabel: label, targetLabel: target, details }));
        for (const cell of cellsOf(csv)) expect(FORMULA_CHARACTERS).not.toContain(cell.charAt(0));
        const [row] = parse(csv) as string[][];
        expect(row![2]!.replaceAll("'", '')).toBe(label.replaceAll("'", ''));
      }),
      { numRuns: 500 },
    );
  });
});
