import { Badge, Group } from '@mantine/core';
import { HTTP_METHODS } from '@contract/endpoint-catalog';

/** "GET 12 · POST 2": a key's grants per method, readable at a glance in a long list. */
export function MethodBadges({ permissions }: { permissions: { method: string }[] }) {
  const counts = HTTP_METHODS.map(
    (method) => [method, permissions.filter((grant) => grant.method === method).length] as const,
  ).filter(([, count]) => count > 0);
  return (
    <Group gap={4} wrap="nowrap">
      {counts.map(([method, count]) => (
        <Badge key={method} size="sm" variant="light" radius="sm">
          {method} {count}
        </Badge>
      ))}
    </Group>
  );
}
