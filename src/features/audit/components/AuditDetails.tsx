import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@contract/audit';
import { PLATFORM_SCOPES } from '@contract/platform-scopes';
import { ROLES } from '@contract/roles';
import { useFormatters } from '@/lib/format';
import { translateOr } from '@/lib/translate-or';
import './audit.css';

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

// A time as the server records it (ISO 8601 with an offset).
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const SCOPES: readonly string[] = PLATFORM_SCOPES;
const ROLE_NAMES: readonly string[] = ROLES;

/** A recorded word as the reader's language names it: a time, a scope, a role; else as recorded. */
function Word({ value }: { value: string }) {
  const { t } = useTranslation();
  const { dateTimeSeconds } = useFormatters();
  if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)))
    return <time dateTime={value}>{dateTimeSeconds(value)}</time>;
  if (SCOPES.includes(value)) return <>{translateOr(t, `platformKeys.scopes.${value}`, value)}</>;
  if (ROLE_NAMES.includes(value)) return <>{translateOr(t, `roles.${value}`, value)}</>;
  return <>{value}</>;
}

/** One value as a person reads it: lists, "before → after", yes/no, and JSON only as a last resort. */
function DetailValue({ name, value }: { name: string; value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>;
    // An edit's grants: one per line, marked as granted or taken away.
    const mark = name === 'added' ? '+ ' : name === 'removed' ? '− ' : '';
    return (
      <span className="kw-audit-list">
        {value.map((item, index) => (
          <code key={index}>
            {mark}
            {typeof item === 'string' ? <Word value={item} /> : JSON.stringify(item)}
          </code>
        ))}
      </span>
    );
  }
  if (isChange(value)) {
    return (
      <>
        <DetailValue name="from" value={value.from} /> → <DetailValue name="to" value={value.to} />
      </>
    );
  }
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return typeof value === 'string' ? <Word value={value} /> : <>{String(value)}</>;
}

/** An event's details as labelled fields, in the reader's language where the field is known. */
export function AuditDetails({ details }: { details: AuditEvent['details'] }) {
  const { t } = useTranslation();
  if (!details) return null;
  const entries = isChange(details) ? [['change', details] as const] : Object.entries(details);
  return (
    <dl className="kw-audit-details">
      {entries.map(([name, value]) => (
        <div key={name}>
          <Text component="dt" size="xs" c="dimmed">
            {translateOr(t, `audit.fields.${name}`, name)}
          </Text>
          <Text component="dd" size="xs">
            <DetailValue name={name} value={value} />
          </Text>
        </div>
      ))}
    </dl>
  );
}
