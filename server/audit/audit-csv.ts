import type { AuditEvent } from '../../contract/audit';

const COLUMNS = ['at', 'actor_type', 'actor', 'action', 'target_type', 'target_id', 'target', 'details', 'address'] as const;

/**
 * Where a spreadsheet could see a cell begin: the field's start, and after every `,` or `;` in it
 * (a spreadsheet set to another locale's separator, or one that ignores quotes, splits there), past
 * any spaces (a tab or carriage return is itself such a character). OWASP's CSV-injection list: a cell beginning with =, +, -, @, tab or carriage return
 * may be run as a formula.
 */
const FORMULA_START = /(^|[,;])( *)(?=[=+\-@\t\r])/g;

/**
 * One CSV field (RFC 4180): always quoted, quotes doubled; every place a cell could begin with a
 * formula character gets an apostrophe first, so an actor label, note or detail cannot become one.
 */
export function csvField(value: string | null): string {
  if (value === null) return '""';
  return `"${value.replace(FORMULA_START, "$1$2'").replaceAll('"', '""')}"`;
}

export function auditCsvHeader(): string {
  return `${COLUMNS.map(csvField).join(',')}\r\n`;
}

export function auditCsvRow(event: AuditEvent): string {
  return `${[
    event.at,
    event.actorType,
    event.actorLabel,
    event.action,
    event.targetType,
    event.targetId,
    event.targetLabel,
    event.details ? JSON.stringify(event.details) : null,
    event.address,
  ]
    .map(csvField)
    .join(',')}\r\n`;
}
