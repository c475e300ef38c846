import { Fragment, type ReactNode } from 'react';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import { DataTable } from '@/components/DataTable';

/** One column of a key list: its heading (also each cell's label on a phone) and its cell. */
export interface KeyColumn<K> {
  header: string;
  cell: (key: K) => ReactNode;
}

type KeyRow = { id: string } & Pick<KeyLifecycle, 'disabled' | 'expiresAt'>;

/**
 * A key list: one row per key from a list of columns, and under a row any full-width lines the
 * screen adds (a hint, the expanded access). The three key screens differ only in their columns.
 */
export function KeyListTable<K extends KeyRow>(props: {
  label?: string;
  minWidth: number;
  rows: K[];
  columns: KeyColumn<K>[];
  /** Full-width lines under a key's row, each with its own React key. */
  details?: (key: K) => { id: string; content: ReactNode }[];
  /** The time the list was shown, for greying expired keys. */
  shownAt: number;
}) {
  const { columns } = props;
  return (
    <DataTable minWidth={props.minWidth} label={props.label}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header}>{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((key) => (
          <Fragment key={key.id}>
            <tr style={inactiveKeyRowStyle(key, props.shownAt)}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(key)}</td>
              ))}
            </tr>
            {props.details?.(key).map((line) => (
              <tr key={line.id}>
                <td colSpan={columns.length}>{line.content}</td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * A disabled or expired key's row is greyed (its status badge says why in words, not colour
 * alone): its plain text in the theme's dimmed colour, which reads at AA in both schemes. Opacity
 * did not: links and text at 0.6 fell to 3.2-4.3:1 on the dark body.
 */
function inactiveKeyRowStyle(
  lifecycle: Pick<KeyLifecycle, 'disabled' | 'expiresAt'>,
  at: number,
): React.CSSProperties | undefined {
  const expired = lifecycle.expiresAt !== null && Date.parse(lifecycle.expiresAt) <= at;
  return lifecycle.disabled || expired ? { color: 'var(--mantine-color-dimmed)' } : undefined;
}
