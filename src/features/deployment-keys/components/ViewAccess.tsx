import { Badge, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { EndpointCatalog, Permission } from '@contract/endpoint-catalog';
import { groupPermissions, indexCatalog } from '../permission-picker-model';

/** A key's permissions, grouped by category, with the methods granted on each endpoint. */
export function ViewAccess({
  catalog,
  permissions,
}: {
  catalog: EndpointCatalog;
  permissions: Permission[];
}) {
  const groups = useMemo(
    () => groupPermissions(indexCatalog(catalog), permissions),
    [catalog, permissions],
  );
  return (
    <Stack gap="sm">
      {groups.map((group) => (
        <div key={group.name}>
          <Text size="sm" fw={700}>
            {group.name}
          </Text>
          <Stack gap={2} pl="sm">
            {group.endpoints.map((endpoint) => (
              <Group key={endpoint.path} gap={6}>
                {endpoint.methods.map((method) => (
                  <Badge key={method} size="xs" variant="light">
                    {method}
                  </Badge>
                ))}
                <Text size="sm" ff="monospace">
                  {endpoint.path}
                </Text>
              </Group>
            ))}
          </Stack>
        </div>
      ))}
    </Stack>
  );
}
