import { Alert, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEMO_PASSWORD } from '../../../electron/contract';

export function DemoHint() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" title={t('signIn.demoTitle')}>
      <Text size="sm">
        {t('signIn.demoHint')} <Code dir="ltr">{DEMO_PASSWORD}</Code>
      </Text>
    </Alert>
  );
}
