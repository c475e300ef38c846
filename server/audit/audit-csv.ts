import type { AuditEvent } from '../../contract/audit';

const COLUMNS = ['at', 'actor_type', 'actor', 'action', 'target_type', 'target_id', 'target', 'details', 'address'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return first: OWASP's CSV
 * injection list) gets a leading apostrophe, so an actor label or note cannot become one.
 */
function field(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
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
    .map(field)
    .join(',')}\r\n`;
}
