import type { EndpointCatalog } from '../../contract/endpoint-catalog';

/** The real catalog repeated `factor` times under distinct category names and path prefixes. */
export function scaleCatalog(catalog: EndpointCatalog, factor: number): EndpointCatalog {
  const categories = [];
  for (let copy = 1; copy <= factor; copy++) {
    for (const category of catalog.categories) {
      categories.push({
        name: copy === 1 ? category.name : `${category.name} ${copy}`,
        endpoints: category.endpoints.map((endpoint) => ({
          ...endpoint,
          path: copy === 1 ? endpoint.path : `/copy${copy}${endpoint.path}`,
        })),
      });
    }
  }
  return { ...catalog, title: `${catalog.title} x${factor}`, categories };
}
