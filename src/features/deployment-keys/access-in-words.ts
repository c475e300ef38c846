import type { HttpMethod, Permission } from '@contract/endpoint-catalog';
import { groupPermissions, type IndexedCategory } from './permission-picker-model';

/** What a method lets a key do, in a word. */
export const METHOD_WORDS: Record<HttpMethod, 'read' | 'create' | 'update' | 'delete'> = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
  DELETE: 'delete',
};
const ORDER: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

/** A key's grants per category as the methods it may use there ("Clients": GET, DELETE). */
export function accessInWords(categories: IndexedCategory[], permissions: Permission[]) {
  return groupPermissions(categories, permissions).map((group) => {
    const methods = new Set(group.endpoints.flatMap((endpoint) => endpoint.methods));
    return { category: group.name, methods: ORDER.filter((method) => methods.has(method)) };
  });
}
