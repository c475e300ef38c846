import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import v5 from '@catalog/emqx-v5.json';
import type { EndpointCatalog } from '@contract/endpoint-catalog';
import { renderWithMantine } from '../../../../test/support/render';
import { indexCatalog } from '../permission-picker-model';
import { PermissionPicker } from './PermissionPicker';
import { PermissionSummary } from './PermissionSummary';

const catalog = v5 as EndpointCatalog;
const categories = indexCatalog(catalog);

function Harness({ initial = [] as string[] }) {
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set(initial));
  return (
    <>
      <PermissionPicker catalog={catalog} value={selection} onChange={setSelection} />
      <PermissionSummary categories={categories} selection={selection} />
      <div data-testid="selection">{[...selection].sort().join('\n')}</div>
    </>
  );
}

const selected = () => screen.getByTestId('selection').textContent!.split('\n').filter(Boolean);
const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

async function search(text: string) {
  const user = userEvent.setup();
  const box = screen.getByRole('searchbox', { name: 'Search APIs' });
  await user.clear(box);
  if (text) await user.type(box, text);
  return user;
}

describe('PermissionPicker', () => {
  it('narrows rows as you search and says how many match', async () => {
    renderWithMantine(<Harness />);
    await search('kick');
    await waitFor(() => expect(screen.getByText(/APIs? match/)).toBeInTheDocument());
    expect(checkbox('DELETE /clients/{clientid}')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'GET /publish' })).not.toBeInTheDocument();
  });

  it('ticks a method on every visible endpoint that supports it, within the search', async () => {
    renderWithMantine(<Harness />);
    const user = await search('clients');
    await waitFor(() => expect(checkbox('GET /clients')).toBeInTheDocument());
    await user.click(checkbox('GET'));
    const granted = selected();
    expect(granted.length).toBeGreaterThan(3);
    // Only GET, and only on rows the search shows.
    expect(granted.every((key) => key.startsWith('GET '))).toBe(true);
    for (const key of granted) expect(checkbox(key).checked).toBe(true);
    expect(selected()).not.toContain('GET /nodes');
    expect(checkbox('GET').checked).toBe(true);
    await user.click(checkbox('GET'));
    expect(selected()).toEqual([]);
  });

  it('shows a category as unchecked, indeterminate or checked, and selects all of it within the visible rows', async () => {
    renderWithMantine(<Harness />);
    const user = await search('clients');
    await waitFor(() => expect(checkbox('Clients')).toBeInTheDocument());
    expect(checkbox('Clients').checked).toBe(false);
    expect(checkbox('Clients').indeterminate).toBe(false);
    await user.click(checkbox('GET /clients'));
    expect(checkbox('Clients').indeterminate).toBe(true);
    await user.click(checkbox('Clients'));
    // It asks: reads alone, or reads and writes.
    const ask = await screen.findByRole('dialog', { name: 'Grant Clients' });
    await user.click(
      within(ask).getByRole('button', { name: /^Read and write: \d+ permissions$/ }),
    );
    expect(checkbox('Clients').checked).toBe(true);
    expect(checkbox('Clients').indeterminate).toBe(false);
    expect(selected()).toEqual(
      expect.arrayContaining([
        'DELETE /clients/{clientid}',
        'GET /clients',
        'POST /clients/{clientid}/subscribe',
      ]),
    );
  });

  it('ticking a category with reads and writes grants its reads alone when asked, and warns of a wholesale DELETE', async () => {
    renderWithMantine(<Harness />);
    const user = await search('clients');
    await waitFor(() => expect(checkbox('Clients')).toBeInTheDocument());
    await user.click(checkbox('Clients'));
    const ask = await screen.findByRole('dialog', { name: 'Grant Clients' });
    await user.click(within(ask).getByRole('button', { name: /^Read: \d+ permissions?$/ }));
    const reads = selected();
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.every((key) => key.startsWith('GET '))).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent(`(GET ${reads.length})`);
    expect(screen.getByRole('status')).not.toHaveTextContent('Granted wholesale');
    // Then every method: the summary counts each, and says that every DELETE went too.
    await user.click(checkbox('Clients'));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Grant Clients' })).getByRole('button', {
        name: /^Read and write/,
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(/DELETE \d+/);
    expect(screen.getByRole('status')).toHaveTextContent('every DELETE of Clients');
    // Unticking does not ask.
    await user.click(checkbox('Clients'));
    expect(selected()).toEqual([]);
  });

  it('shows a dash, not a box, for methods an endpoint does not support', async () => {
    renderWithMantine(<Harness />);
    await search('/clients');
    await waitFor(() => expect(checkbox('GET /clients')).toBeInTheDocument());
    expect(checkbox('GET /clients').disabled).toBe(false);
    expect(screen.queryByRole('checkbox', { name: 'PUT /clients' })).not.toBeInTheDocument();
    expect(
      screen.getAllByRole('img', { name: 'Not supported by this endpoint' }).length,
    ).toBeGreaterThan(0);
  });

  it('gives each category row its own method cells', async () => {
    renderWithMantine(<Harness initial={['GET /clients']} />);
    const user = await search('clients');
    await waitFor(() => expect(checkbox('GET Clients')).toBeInTheDocument());
    expect(checkbox('GET Clients').indeterminate).toBe(true);
    await user.click(checkbox('DELETE Clients'));
    const granted = selected();
    expect(granted).toContain('DELETE /clients/{clientid}');
    expect(
      granted.filter((key) => key.startsWith('DELETE ')).every((key) => checkbox(key).checked),
    ).toBe(true);
    // Only that category's DELETEs, and the GET that was there before.
    expect(granted.every((key) => key.startsWith('DELETE ') || key === 'GET /clients')).toBe(true);
    expect(checkbox('DELETE Clients').checked).toBe(true);
  });

  it('asks before one click adds 20 or more grants, saying how many, and only once', async () => {
    renderWithMantine(<Harness />);
    const user = userEvent.setup();
    await user.click(checkbox('GET'));
    const dialog = await screen.findByRole('dialog', { name: 'Grant many permissions?' });
    expect(selected()).toEqual([]);
    const count = Number(/adds (\d+) permissions/.exec(dialog.textContent!)![1]);
    expect(count).toBeGreaterThanOrEqual(20);
    await user.click(screen.getByRole('button', { name: `Grant ${count} permissions` }));
    expect(selected()).toHaveLength(count);
    await user.click(checkbox('GET'));
    expect(selected()).toEqual([]);
    await user.click(checkbox('GET'));
    expect(selected()).toHaveLength(count);
    expect(
      screen.queryByRole('dialog', { name: 'Grant many permissions?' }),
    ).not.toBeInTheDocument();
  });

  it('ticks a single endpoint with all its methods and keeps a live summary', async () => {
    renderWithMantine(<Harness />);
    const user = await search('kick');
    await waitFor(() => expect(checkbox('/clients/{clientid}')).toBeInTheDocument());
    await user.click(checkbox('/clients/{clientid}'));
    expect(selected()).toEqual(['DELETE /clients/{clientid}', 'GET /clients/{clientid}']);
    expect(screen.getByRole('status')).toHaveTextContent('2 permissions in 1 category');
  });

  it('shows only what is selected on request', async () => {
    renderWithMantine(<Harness initial={['POST /publish']} />);
    const user = userEvent.setup();
    await act(() => user.click(screen.getByRole('switch', { name: 'Show selected only' })));
    await waitFor(() => expect(checkbox('POST /publish')).toBeInTheDocument());
    expect(screen.queryByRole('checkbox', { name: 'GET /clients' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 permission in 1 category');
  });
});
