import { Badge, Group } from '@mantine/core';
import { labelEntries, type KeyLabels } from '@contract/key-label-reading';

/** A key's labels as `team=payments` badges, in key order; a dash when it has none. */
export function KeyLabelBadges({ labels }: { labels: KeyLabels }) {
  const entries = labelEntries(labels);
  if (entries.length === 0) return '—';
  return (
    <Group gap={4}>
      {entries.map((entry) => (
        <Badge key={entry} variant="outline" color="gray" size="sm" tt="none">
          {entry}
        </Badge>
      ))}
    </Group>
  );
}
