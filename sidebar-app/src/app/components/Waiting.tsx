/**
 * The loading state of a call to the connector: dots and what is loading, then, once it
 * takes longer than a healthy connector ever does, a progress bar counting towards the
 * timeout ("Still waiting for the connector: 3 of 8 s"), so a hung connector reads as
 * "something is wrong, and this is when the app gives up", not as endless dots.
 */
import { Dots, Progress } from '@zendeskgarden/react-loaders';
import { SM } from '@zendeskgarden/react-typography';
import { useEffect, useState } from 'react';
import { REQUEST_TIMEOUT_MS } from '../api/connector';
import { useI18n } from '../i18n/TranslationProvider';

/** A healthy connector answers well within this; after it, show the countdown. */
const SLOW_AFTER_MS = 1_500;

export function Waiting({ label, size = 24 }: { label: string; size?: number }) {
  const { t } = useI18n();
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const start = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - start), 250);
    return () => clearInterval(timer);
  }, []);
  const slow = elapsed >= SLOW_AFTER_MS;
  const total = REQUEST_TIMEOUT_MS / 1000;
  const seconds = Math.min(Math.floor(elapsed / 1000), total);
  // Only the label is a live region: a countdown announced every second would drown a screen
  // reader; the progress bar carries the count for whoever looks for it.
  return (
    <div data-testid="waiting">
      <Dots size={size} aria-hidden />{' '}
      <SM tag="span" role="status">
        {label}
      </SM>
      {slow && (
        <div data-testid="waiting-slow">
          <Progress value={Math.min(100, (elapsed / REQUEST_TIMEOUT_MS) * 100)} size="small" aria-label={t('waiting.slow', { seconds, total })} />
          <SM aria-hidden>{t('waiting.slow', { seconds, total })}</SM>
        </div>
      )}
    </div>
  );
}
