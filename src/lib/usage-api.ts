import { queryOptions, useQuery } from '@tanstack/react-query';
import type { KeyUsageReport, UsageRange, UsageSeries, UsageSparklines } from '@contract/usage';
import { apiRequest } from '@/lib/api-client';

export const usageKeys = {
  all: ['usage'] as const,
  report: (path: string, range: UsageRange) => [...usageKeys.all, path, range] as const,
};

/** `path`: a key's usage address, e.g. /api/console/deployments/{id}/keys/{keyId}/usage. */
export const useKeyUsage = (path: string, range: UsageRange) =>
  useQuery(
    queryOptions({
      queryKey: usageKeys.report(path, range),
      queryFn: ({ signal }) => apiRequest<KeyUsageReport>(`${path}?range=${range}`, { signal }),
    }),
  );

export const useDeploymentUsage = (deploymentId: string, range: UsageRange) =>
  useQuery(
    queryOptions({
      queryKey: usageKeys.report(`/api/console/deployments/${deploymentId}/usage`, range),
      queryFn: ({ signal }) =>
        apiRequest<UsageSeries>(`/api/console/deployments/${deploymentId}/usage?range=${range}`, {
          signal,
        }),
    }),
  );

/** `path`: the list's sparkline address (…/keys/usage, /api/console/platform-keys/usage). */
export const useSparklines = (path: string) =>
  useQuery(
    queryOptions({
      queryKey: usageKeys.report(path, '24h'),
      queryFn: ({ signal }) => apiRequest<UsageSparklines>(path, { signal }),
      // A list's sparklines may be a minute old.
      staleTime: 60_000,
    }),
  );
