import { Progress, Stack, Text } from '@mantine/core';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_SCORE } from '../../electron/contract';

let estimator: Promise<ZxcvbnFactory> | null = null;

/** Loaded on first use, in its own chunk: the dictionaries weigh more than the rest of the app. */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
  );
  return estimator;
}

function useEstimator(): ZxcvbnFactory | null {
  const [loaded, setLoaded] = useState<ZxcvbnFactory | null>(null);
  useEffect(() => {
    let mounted = true;
    void loadEstimator().then((factory) => mounted && setLoaded(factory));
    return () => {
      mounted = false;
    };
  }, []);
  return loaded;
}

const colors = ['red', 'orange', 'yellow', 'lime', 'green'] as const;

interface Props {
  password: string;
  /** Words the person typed elsewhere in the form (their name, the association's): weak if reused. */
  related?: (string | undefined)[];
}

export function PasswordStrength({ password, related = [] }: Props) {
  const { t } = useTranslation();
  const zxcvbn = useEstimator();
  if (!password || !zxcvbn) return null;
  const score = zxcvbn.check(password, related.filter((word): word is string => Boolean(word))).score;
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
      <Text size="sm" c={score < MIN_PASSWORD_SCORE ? 'red' : 'dimmed'} aria-live="polite">
        {t('password.strength.value', { level })}
        {score < MIN_PASSWORD_SCORE && ` ${t('password.strength.tooWeak')}`}
      </Text>
    </Stack>
  );
}
