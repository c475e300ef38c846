import { Anchor, Badge, Breadcrumbs, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { apiRequest } from '@/lib/api-client';
import { platformKeyKeys } from '../api/platform-key-keys';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  description?: string;
}
interface Operation {
  summary?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: JsonSchema }> }
  >;
}
interface OpenApiDocument {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const METHOD_COLORS: Record<string, string> = {
  get: 'blue',
  post: 'green',
  put: 'orange',
  delete: 'red',
};

function Fields({ schema }: { schema?: JsonSchema }) {
  const object = schema?.type === 'array' ? schema.items : schema;
  if (!object?.properties) return null;
  return (
    <Stack gap={2}>
      {Object.entries(object.properties).map(([name, field]) => (
        <Text size="sm" key={name}>
          <Code>{name}</Code> {Array.isArray(field.type) ? field.type.join(' | ') : field.type}
          {field.enum && ` (${field.enum.map((value) => JSON.stringify(value)).join(', ')})`}
          {object.required?.includes(name) ? '' : ' · optional'}
        </Text>
      ))}
    </Stack>
  );
}

/** A readable rendering of the Platform API's OpenAPI document, generated from the server's schemas. */
export function ApiReferencePage() {
  const { t } = useTranslation();
  const document = useQuery({
    queryKey: platformKeyKeys.openApi(),
    queryFn: ({ signal }) => apiRequest<OpenApiDocument>('/public_api/v1/openapi.json', { signal }),
    staleTime: Infinity,
  });

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/platform-api-keys">
          {t('platformKeys.title')}
        </Anchor>
        <Text size="sm">{t('platformKeys.reference')}</Text>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {t('platformKeys.reference')}
      </Title>
      {document.isPending && <PageLoader />}
      {document.isError && (
        <ErrorAlert error={document.error} onRetry={() => void document.refetch()} />
      )}
      {document.isSuccess && (
        <>
          <Text size="sm">{document.data.info.description}</Text>
          <Text size="sm">
            {t('platformKeys.baseUrl')} <Code>{`${window.location.origin}/public_api/v1`}</Code> ·{' '}
            <Anchor href="/public_api/v1/openapi.json">openapi.json</Anchor>
          </Text>
          {Object.entries(document.data.paths).flatMap(([path, operations]) =>
            Object.entries(operations).map(([method, operation]) => (
              <Card
                withBorder
                key={`${method} ${path}`}
                component="section"
                aria-label={`${method.toUpperCase()} ${path}`}
              >
                <Group gap="sm" mb="xs">
                  <Badge color={METHOD_COLORS[method] ?? 'gray'} variant="filled">
                    {method.toUpperCase()}
                  </Badge>
                  <Code>{path}</Code>
                  <Text size="sm" fw={600}>
                    {operation.summary}
                  </Text>
                  {operation.tags?.map((tag) => (
                    <Badge key={tag} variant="light" tt="none">
                      {tag}
                    </Badge>
                  ))}
                </Group>
                {operation.requestBody && (
                  <>
                    <Text size="xs" fw={600} c="dimmed">
                      {t('platformKeys.requestBody')}
                    </Text>
                    <Fields schema={operation.requestBody.content?.['application/json']?.schema} />
                  </>
                )}
                <Text size="xs" fw={600} c="dimmed" mt="xs">
                  {t('platformKeys.responses')}: {Object.keys(operation.responses ?? {}).join(', ')}
                </Text>
                <Fields
                  schema={
                    Object.entries(operation.responses ?? {}).find(([code]) =>
                      code.startsWith('2'),
                    )?.[1].content?.['application/json']?.schema
                  }
                />
              </Card>
            )),
          )}
        </>
      )}
    </Stack>
  );
}
