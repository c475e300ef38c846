import { Button, Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '@contract/projects';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useCan } from '@/lib/auth';
import { useFormatters } from '@/lib/format';
import { useProjects } from '../api/get-projects';
import { ProjectMembers } from './ProjectMembers';

// The form and its schemas load when the dialog first opens, not with the list.
const ProjectFormDialog = lazy(() =>
  import('./ProjectFormDialog').then((m) => ({ default: m.ProjectFormDialog })),
);

type Editing = { mode: 'create' } | { mode: 'edit'; project: Project } | null;

export function ProjectsPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const canManage = useCan('manageProjects');
  const projects = useProjects();
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        actions={
          canManage && (
            <Button onClick={() => setEditing({ mode: 'create' })}>
              {t('projects.newProject')}
            </Button>
          )
        }
      />
      {canManage && (
        <Text size="sm" c="dimmed" mb="md">
          {t('projects.everyProjectNote')}
        </Text>
      )}
      {projects.isPending && <PageLoader />}
      {projects.isError && (
        <ErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />
      )}
      {projects.isSuccess && projects.data.length === 0 && (
        <EmptyState title={t('projects.emptyTitle')} description={t('projects.emptyDescription')} />
      )}
      {projects.isSuccess && (
        <Stack>
          {projects.data.map((project) => (
            <Card key={project.id} withBorder component="section" aria-label={project.name}>
              <Group justify="space-between" align="flex-start" mb="sm">
                <div>
                  <Title order={2} size="h4">
                    {project.name}
                  </Title>
                  {project.description && (
                    <Text size="sm" c="dimmed">
                      {project.description}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('common.createdAt')}: {dateTime(project.createdAt)}
                  </Text>
                </div>
                {canManage && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`${t('common.edit')} ${project.name}`}
                    onClick={() => setEditing({ mode: 'edit', project })}
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </Group>
              <ProjectMembers project={project} canManage={canManage} />
            </Card>
          ))}
        </Stack>
      )}
      {editing && (
        <Suspense>
          <ProjectFormDialog
            project={editing.mode === 'edit' ? editing.project : undefined}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
    </>
  );
}
