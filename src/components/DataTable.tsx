import { useLayoutEffect, useRef, type ReactNode } from 'react';
import './data-table.css';

/**
 * A plain, semantic table styled like Mantine's. Mantine's own Table pulls in its scroll area
 * and, through it, the popover engine: 20 KB of first-load JavaScript that a list page does not
 * need. Rows use ordinary <thead>/<tr>/<th>/<td> markup.
 *
 * Below 768 px every row becomes a card of labelled facts in two columns (data-table.css): each
 * cell is labelled with its column's heading here, so the pages need not repeat them.
 */
export function DataTable({
  minWidth,
  children,
  label,
}: {
  minWidth?: number;
  children: ReactNode;
  label?: string;
}) {
  const table = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const element = table.current;
    if (!element) return;
    const headings = [...(element.tHead?.rows[0]?.cells ?? [])].map(
      (cell) => cell.textContent ?? '',
    );
    for (const body of element.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const heading = cell.colSpan === 1 ? headings[column] : undefined;
          if (heading) cell.dataset.label = heading;
          else delete cell.dataset.label;
          column += cell.colSpan;
        }
      }
    }
  });
  return (
    <div className="kw-table-scroll">
      <table
        ref={table}
        className="kw-table"
        style={
          { '--kw-table-min-width': minWidth ? `${minWidth}px` : undefined } as React.CSSProperties
        }
        aria-label={label}
      >
        {children}
      </table>
    </div>
  );
}
