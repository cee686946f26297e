import { Progress, Stack, Text } from '@mantine/core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { useTranslation } from 'react-i18next';

let zxcvbn: ZxcvbnFactory | null = null;

/** Built on first use: the dictionaries are large and only the password forms need them. */
function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return zxcvbn;
}

const colors = ['red', 'orange', 'yellow', 'lime', 'green'] as const;

interface Props {
  password: string;
  /** Words the person typed elsewhere in the form (their name, the association's): weak if reused. */
  related?: (string | undefined)[];
}

export function PasswordStrength({ password, related = [] }: Props) {
  const { t } = useTranslation();
  if (!password) return null;
  const score = estimator().check(password, related.filter((word): word is string => Boolean(word))).score;
  const level = t(`password.strength.${score}`);
  return (
    <Stack gap={4}>
      <Progress.Root size="sm">
        <Progress.Section
          value={(score + 1) * 20}
          color={colors[score]}
          withAria={false}
          role="meter"
          aria-label={t('password.strength.label')}
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={score}
          aria-valuetext={level}
        />
      </Progress.Root>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('password.strength.value', { level })}
      </Text>
    </Stack>
  );
}
