import type { ReactNode } from 'react';
import './data-table.css';

/**
 * A plain, semantic table styled like Mantine's. Mantine's own Table pulls in its scroll area
 * and, through it, the popover engine: 20 KB of first-load JavaScript that a list page does not
 * need. Rows use ordinary <thead>/<tr>/<th>/<td> markup.
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
  return (
    <div className="kw-table-scroll">
      <table className="kw-table" style={{ minWidth }} aria-label={label}>
        {children}
      </table>
    </div>
  );
}
