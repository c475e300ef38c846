/**
 * Turns the shared EMQX endpoint catalogs into Keyward's own catalog data (catalog/*.json), which
 * the server and the SPA both read. Run `npm run catalog:generate` after dropping in a newer
 * catalog; the output is committed, so the product never reads ../shared at run time.
 *
 * Source directory: KEYWARD_SHARED_CATALOG_DIR, else ../shared/catalog beside the repository.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTTP_METHODS, type CatalogId, type EndpointCatalog, type HttpMethod } from '../contract/endpoint-catalog';

interface SourceEndpoint {
  path: string;
  methods: string[];
  summaries?: Record<string, string>;
}
interface SourceCatalog {
  source: string;
  version: string;
  categories: { name: string; endpoints: SourceEndpoint[] }[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = process.env.KEYWARD_SHARED_CATALOG_DIR ?? path.resolve(here, '..', '..', 'shared', 'catalog');

const CATALOGS: { id: CatalogId; file: string; title: string; basePath: string }[] = [
  { id: 'emqx-v5', file: 'emqx-v5-endpoints.json', title: 'EMQX v5 REST API', basePath: '/api/v5' },
  { id: 'emqx-v4', file: 'emqx-v4-endpoints.json', title: 'EMQX v4 REST API', basePath: '/api/v4' },
  { id: 'emqx-serverless', file: 'emqx-serverless-endpoints.json', title: 'EMQX Serverless API', basePath: '/api/v5' },
];

function isMethod(method: string): method is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method);
}

export function convert(source: SourceCatalog, meta: (typeof CATALOGS)[number]): EndpointCatalog {
  const seen = new Set<string>();
  const categories = source.categories
    .map((category) => ({
      name: category.name,
      endpoints: category.endpoints.flatMap((endpoint) => {
        if (!endpoint.path.startsWith('/')) throw new Error(`${meta.id}: path "${endpoint.path}" must start with /`);
        if (seen.has(endpoint.path)) throw new Error(`${meta.id}: path "${endpoint.path}" appears twice`);
        seen.add(endpoint.path);
        const methods = HTTP_METHODS.filter((method) => endpoint.methods.includes(method));
        const unknown = endpoint.methods.filter((method) => !isMethod(method));
        if (unknown.length > 0) throw new Error(`${meta.id}: ${endpoint.path} has unsupported methods ${unknown.join(', ')}`);
        if (methods.length === 0) return [];
        const summaries = Object.fromEntries(methods.map((method) => [method, endpoint.summaries?.[method] ?? '']));
        return [{ path: endpoint.path, methods, summaries }];
      }),
    }))
    .filter((category) => category.endpoints.length > 0);
  return { id: meta.id, title: meta.title, basePath: meta.basePath, source: `${source.version} (${source.source})`.slice(0, 500), categories };
}

function main(): void {
  for (const meta of CATALOGS) {
    const source = JSON.parse(readFileSync(path.join(sourceDir, meta.file), 'utf8')) as SourceCatalog;
    const catalog = convert(source, meta);
    const pairs = catalog.categories.reduce((sum, c) => sum + c.endpoints.reduce((n, e) => n + e.methods.length, 0), 0);
    writeFileSync(path.join(here, `${meta.id}.json`), `${JSON.stringify(catalog)}\n`);
    const endpoints = catalog.categories.reduce((sum, c) => sum + c.endpoints.length, 0);
    console.log(`${meta.id}: ${catalog.categories.length} categories, ${endpoints} endpoints, ${pairs} (method, endpoint) pairs`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
