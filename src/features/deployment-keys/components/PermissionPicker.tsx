import { Group, Switch, Text, TextInput } from '@mantine/core';
import {
  memo,
  type ReactNode,
  useCallback,
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  HTTP_METHODS,
  type CatalogEndpoint,
  type EndpointCatalog,
  type HttpMethod,
} from '@contract/endpoint-catalog';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import {
  addedCount,
  categoryMixesReadAndWrite,
  categoryMethodState,
  categoryState,
  indexCatalog,
  keyOf,
  methodState,
  toggleCategory,
  toggleCategoryMethod,
  toggleCell,
  toggleEndpoint,
  toggleMethod,
  visibleCategories,
  type IndexedCategory,
  type Selection,
} from '../permission-picker-model';
import { CategoryGrantDialog } from './CategoryGrantDialog';
import { TriStateCheckbox } from './TriStateCheckbox';
import './permission-picker.css';

interface PermissionPickerProps {
  catalog: EndpointCatalog;
  value: Selection;
  onChange: (next: Set<string>) => void;
  /** Shown beside the search (presets, Test access). */
  actions?: ReactNode;
}

/** One click that would add this many grants or more says how many, and asks (once). */
export const MASS_GRANT_THRESHOLD = 20;

/** A method an endpoint or category does not have: a dash, not a box that looks unticked. */
function Unsupported() {
  const { t } = useTranslation();
  return (
    <span
      className="kw-picker-na"
      role="img"
      aria-label={t('picker.notSupported')}
      title={t('picker.notSupported')}
    >
      —
    </span>
  );
}

/**
 * A cell's method, written beside its box where the method columns' headers are not above it:
 * on a phone each endpoint is a card with its boxes in a row (permission-picker.css). Hidden from
 * assistive technology: the box's own name already says the method and path.
 */
function CellMethod({ method }: { method: HttpMethod }) {
  return (
    <span className="kw-picker-cell-method" aria-hidden="true">
      {method}
    </span>
  );
}

/** Which of an endpoint's four method cells are selected, as bits: rows re-render only when theirs change. */
function maskOf(endpoint: CatalogEndpoint, selection: Selection): number {
  let mask = 0;
  HTTP_METHODS.forEach((method, bit) => {
    if (selection.has(keyOf(method, endpoint.path))) mask |= 1 << bit;
  });
  return mask;
}

const EndpointRow = memo(function EndpointRow(props: {
  endpoint: CatalogEndpoint;
  mask: number;
  onCell: (method: HttpMethod, path: string) => void;
  onEndpoint: (endpoint: CatalogEndpoint) => void;
}) {
  const { endpoint, mask, onCell, onEndpoint } = props;
  const supportedMask = HTTP_METHODS.reduce(
    (bits, method, bit) => (endpoint.methods.includes(method) ? bits | (1 << bit) : bits),
    0,
  );
  const state = mask === 0 ? 'none' : mask === supportedMask ? 'all' : 'some';
  const summary = endpoint.methods
    .map((method) => endpoint.summaries[method])
    .filter(Boolean)
    .join(' · ');
  return (
    <tr className="kw-picker-endpoint">
      <td>
        <TriStateCheckbox
          state={state}
          aria-label={endpoint.path}
          onChange={() => onEndpoint(endpoint)}
        />
      </td>
      <td>
        <code>{endpoint.path}</code>
        {summary && <div className="kw-picker-summary">{summary}</div>}
      </td>
      {HTTP_METHODS.map((method, bit) => (
        <td key={method} className="kw-picker-cell">
          {endpoint.methods.includes(method) ? (
            <label className="kw-picker-cell-label">
              <input
                type="checkbox"
                className="kw-picker-check"
                aria-label={`${method} ${endpoint.path}`}
                title={endpoint.summaries[method]}
                checked={(mask & (1 << bit)) !== 0}
                onChange={() => onCell(method, endpoint.path)}
              />
              <CellMethod method={method} />
            </label>
          ) : (
            <Unsupported />
          )}
        </td>
      ))}
    </tr>
  );
});

const CategoryRows = memo(function CategoryRows(props: {
  category: IndexedCategory;
  selection: Selection;
  expanded: boolean;
  onToggleExpanded: (name: string) => void;
  onCategory: (category: IndexedCategory) => void;
  onCategoryMethod: (category: IndexedCategory, method: HttpMethod) => void;
  onCell: (method: HttpMethod, path: string) => void;
  onEndpoint: (endpoint: CatalogEndpoint) => void;
}) {
  const { category, selection, expanded } = props;
  const { t } = useTranslation();
  return (
    <tbody>
      <tr className="kw-picker-category">
        <td>
          <TriStateCheckbox
            state={categoryState(category, selection)}
            aria-label={category.name}
            onChange={() => props.onCategory(category)}
          />
        </td>
        <td>
          <button
            type="button"
            className="kw-picker-expand"
            aria-expanded={expanded}
            onClick={() => props.onToggleExpanded(category.name)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {category.name}{' '}
            <span className="kw-picker-count">
              {t('picker.endpointCount', { count: category.endpoints.length })}
            </span>
          </button>
        </td>
        {HTTP_METHODS.map((method) => {
          const state = categoryMethodState(category, method, selection);
          return (
            <td key={method} className="kw-picker-cell">
              {state === 'unavailable' ? (
                <Unsupported />
              ) : (
                <label className="kw-picker-cell-label">
                  <TriStateCheckbox
                    state={state}
                    aria-label={`${method} ${category.name}`}
                    onChange={() => props.onCategoryMethod(category, method)}
                  />
                  <CellMethod method={method} />
                </label>
              )}
            </td>
          );
        })}
      </tr>
      {expanded &&
        category.endpoints.map((endpoint) => (
          <EndpointRow
            key={endpoint.path}
            endpoint={endpoint}
            mask={maskOf(endpoint, selection)}
            onCell={props.onCell}
            onEndpoint={props.onEndpoint}
          />
        ))}
    </tbody>
  );
});

/**
 * Picks (method, endpoint) permissions from a deployment's catalog: method columns, a search,
 * tri-state categories, single endpoints and single cells, and a live summary.
 */
export function PermissionPicker({ catalog, value, onChange, actions }: PermissionPickerProps) {
  const { t } = useTranslation();
  const categories = useMemo(() => indexCatalog(catalog), [catalog]);
  const [search, setSearch] = useState('');
  const [selectedOnly, setSelectedOnly] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const deferredSearch = useDeferredValue(search);
  const filtering = deferredSearch.trim() !== '' || selectedOnly;
  const visible = useMemo(
    () => visibleCategories(categories, deferredSearch, selectedOnly, value),
    // "Selected only" keeps the rows it showed while the user unticks them; it re-filters on toggle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [categories, deferredSearch, selectedOnly],
  );
  const matches = visible.reduce((sum, category) => sum + category.endpoints.length, 0);
  // A click that would add many grants waits here until confirmed; after one "yes", no more asking.
  const [massGrant, setMassGrant] = useState<{ next: Set<string>; added: number } | null>(null);
  const [massGrantConfirmed, setMassGrantConfirmed] = useState(false);
  const grantMany = (next: Set<string>) => {
    const added = addedCount(value, next);
    if (added >= MASS_GRANT_THRESHOLD && !massGrantConfirmed) setMassGrant({ next, added });
    else onChange(next);
  };

  // Handlers read the latest selection through a ref, so rows can stay memoized.
  // Ticking a category with reads and writes asks which (CategoryGrantDialog); unticking does not.
  const [choosing, setChoosing] = useState<IndexedCategory | null>(null);
  const change = (next: Set<string>, askingFor?: IndexedCategory) => {
    if (askingFor && categoryState(askingFor, value) !== 'all') setChoosing(askingFor);
    else onChange(next);
  };
  const latest = useRef({ value, onChange: change });
  useLayoutEffect(() => {
    latest.current = { value, onChange: change };
  });
  const onCell = useCallback(
    (method: HttpMethod, path: string) =>
      latest.current.onChange(toggleCell(latest.current.value, method, path)),
    [],
  );
  const onEndpoint = useCallback(
    (endpoint: CatalogEndpoint) =>
      latest.current.onChange(toggleEndpoint(latest.current.value, endpoint)),
    [],
  );
  const onCategory = useCallback(
    (category: IndexedCategory) =>
      latest.current.onChange(
        toggleCategory(latest.current.value, category),
        // Ticking a category with reads and writes asks which (CategoryGrantDialog).
        categoryMixesReadAndWrite(category) ? category : undefined,
      ),
    [],
  );
  const onCategoryMethod = useCallback(
    (category: IndexedCategory, method: HttpMethod) =>
      latest.current.onChange(toggleCategoryMethod(latest.current.value, category, method)),
    [],
  );
  const onToggleExpanded = useCallback(
    (name: string) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (next.has(name)) next.delete(name);
        else next.add(name);
        return next;
      }),
    [],
  );

  return (
    <div className="kw-picker">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Group align="flex-end" gap="sm">
          <TextInput
            type="search"
            label={t('picker.search')}
            placeholder={t('picker.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={280}
          />
          {deferredSearch.trim() && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('picker.matches', { count: matches })}
            </Text>
          )}
        </Group>
        <Group align="center" gap="sm">
          {actions}
          <Switch
            label={t('picker.selectedOnly')}
            checked={selectedOnly}
            onChange={(event) => setSelectedOnly(event.currentTarget.checked)}
          />
        </Group>
      </Group>
      <div className="kw-picker-scroll">
        <table className="kw-picker-table">
          <thead>
            <tr>
              <th className="kw-picker-select" aria-label={t('picker.selectColumn')} />
              <th>{t('picker.api')}</th>
              {HTTP_METHODS.map((method) => {
                const state = methodState(visible, method, value);
                return (
                  <th key={method} className="kw-picker-cell">
                    <label className="kw-picker-method">
                      <TriStateCheckbox
                        state={state === 'unavailable' ? 'none' : state}
                        disabled={state === 'unavailable'}
                        onChange={() => grantMany(toggleMethod(value, visible, method))}
                      />
                      {method}
                    </label>
                  </th>
                );
              })}
            </tr>
          </thead>
          {visible.map((category) => (
            <CategoryRows
              key={category.name}
              category={category}
              selection={value}
              expanded={filtering || expanded.has(category.name)}
              onToggleExpanded={onToggleExpanded}
              onCategory={onCategory}
              onCategoryMethod={onCategoryMethod}
              onCell={onCell}
              onEndpoint={onEndpoint}
            />
          ))}
        </table>
        {visible.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            {t('picker.noMatches')}
          </Text>
        )}
      </div>
      {choosing && (
        <CategoryGrantDialog
          category={choosing}
          selection={value}
          onChoose={(next) => {
            onChange(next);
            setChoosing(null);
          }}
          onClose={() => setChoosing(null)}
        />
      )}
      <ConfirmDialog
        opened={massGrant !== null}
        title={t('picker.massGrantTitle')}
        message={t('picker.massGrant', { count: massGrant?.added ?? 0 })}
        confirmLabel={t('picker.massGrantConfirm', { count: massGrant?.added ?? 0 })}
        onConfirm={() => {
          if (massGrant) onChange(massGrant.next);
          setMassGrantConfirmed(true);
          setMassGrant(null);
        }}
        onClose={() => setMassGrant(null)}
      />
    </div>
  );
}
