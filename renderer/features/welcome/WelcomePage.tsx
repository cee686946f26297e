import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOpMutation } from '../../app/ops';
import { signInPath } from '../../app/paths';
import { useSessionMemory } from '../../app/SessionMemory';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconCompass, IconFilePlus, IconFolderOpen } from '../../ui/icons';
import { Door } from './Door';

export function WelcomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { rememberDemo } = useSessionMemory();
  const openDemo = useOpMutation('file.openDemo', {
    onSuccess: ({ path }) => {
      rememberDemo(path);
      void navigate(signInPath(path));
    },
  });

  return (
    <Stack gap="xl" py="lg">
      <Stack gap={4} align="center" ta="center">
        <Title order={1} size={44} c="teal.8">
          {t('app.name')}
        </Title>
        <Text size="xl" c="teal.7" fw={600}>
          {t('app.altName')}
        </Text>
        <Text c="dimmed" mt="sm">
          {t('app.tagline')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <Door
          icon={<IconFilePlus />}
          title={t('welcome.create.title')}
          description={t('welcome.create.description')}
          onClick={() => void navigate('/create')}
        />
        <Door
          icon={<IconFolderOpen />}
          title={t('welcome.open.title')}
          description={t('welcome.open.description')}
          onClick={() => void navigate('/open')}
        />
        <Door
          icon={<IconCompass />}
          title={t('welcome.demo.title')}
          description={t('welcome.demo.description')}
          onClick={() => openDemo.mutate({})}
          loading={openDemo.isPending}
        />
      </SimpleGrid>
      <OpErrorAlert error={openDemo.error} />
    </Stack>
  );
}
