import { Badge, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@contract/endpoint-catalog';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useTestAccess } from '../api/test-access';

/** "DELETE /clients/abc" → method and path; a bare path means GET. */
function parseCall(text: string): { method: string; path: string } {
  const match = /^\s*([A-Za-z]+)\s+(\S.*)$/.exec(text);
  return match
    ? { method: match[1]!, path: match[2]!.trimEnd() }
    : { method: 'GET', path: text.trim() };
}

/**
 * "Test access": type a call and see whether these grants (saved or not) allow it, and by which
 * grant. The server answers with the gateway's own canonical matcher, so the answer is the
 * gateway's.
 */
export function TestAccess(props: { deploymentId: string; permissions: () => Permission[] }) {
  const { t } = useTranslation();
  const [call, setCall] = useState('');
  const [opened, setOpened] = useState(false);
  // While open, Escape closes this popover only, not the key dialog around it (Mantine's modal
  // leaves alone an Escape whose target carries this attribute).
  const insideEscape = { 'data-mantine-stop-propagation': opened || undefined };
  const test = useTestAccess(props.deploymentId);
  const result = test.data;
  const submit = () => {
    const { method, path } = parseCall(call);
    if (path) test.mutate({ method, path, permissions: props.permissions() });
  };
  return (
    <Popover
      position="bottom-end"
      shadow="md"
      width={420}
      trapFocus
      withinPortal
      opened={opened}
      onChange={setOpened}
    >
      <Popover.Target>
        <Button
          size="xs"
          variant="light"
          onClick={() => setOpened((open) => !open)}
          {...insideEscape}
        >
          {t('picker.testAccess')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('picker.testAccessCall')}
              placeholder="DELETE /clients/abc"
              value={call}
              onChange={(event) => setCall(event.currentTarget.value)}
              onKeyDown={(event) => {
                // Enter tests here; it must not submit the key dialog's form.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  submit();
                }
              }}
              style={{ flex: 1 }}
              {...insideEscape}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Button size="sm" onClick={submit} loading={test.isPending} {...insideEscape}>
              {t('picker.test')}
            </Button>
          </Group>
          {test.error && <ErrorAlert error={test.error} />}
          {result && (
            <Stack gap={4} role="status" aria-live="polite">
              <Group gap="xs">
                <Badge color={result.outcome === 'allowed' ? 'green' : 'red'} variant="filled">
                  {t(`picker.outcomes.${result.outcome}`)}
                </Badge>
                {result.endpoint && <code>{result.endpoint}</code>}
              </Group>
              <Text size="sm">
                {result.outcome === 'allowed'
                  ? t('picker.allowedBy', { grant: result.grant ?? '' })
                  : result.outcome === 'denied'
                    ? t('picker.deniedNoGrant')
                    : result.message}
              </Text>
              {result.canonicalPath && (
                <Text size="xs" c="dimmed">
                  {t('picker.forwardedAs')} <code>{result.canonicalPath}</code>
                </Text>
              )}
            </Stack>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
