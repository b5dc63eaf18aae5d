/**
 * The handoff summary Baton wrote for the agent, with a Copy button: agents paste it into
 * escalations and notes, so the customer never has to repeat themselves.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { MD, Paragraph } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import styled from 'styled-components';
import { useI18n } from '../i18n/TranslationProvider';

/** Heading and Copy on one line when they fit; Copy drops below a long translated heading rather than being cut. */
const Head = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
  & > button {
    flex: none;
  }
`;

async function copy(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  // Older hosts deny the async clipboard inside iframes; a selected textarea still copies.
  const area = Object.assign(document.createElement('textarea'), { value: text });
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function Summary({ text }: { text: string | null }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="baton-summary-title">
      <Head>
        <MD isBold id="baton-summary-title" tag="h2">
          {t('sidebar.summary_title')}
        </MD>
        {text && (
          <Button
            size="small"
            isBasic
            onClick={() => copy(text).then(() => setCopied(true), () => setCopied(false))}
            aria-live="polite"
          >
            {copied ? t('sidebar.copied') : t('sidebar.copy')}
          </Button>
        )}
      </Head>
      <Paragraph data-testid="summary">{text ?? t('sidebar.no_summary')}</Paragraph>
    </section>
  );
}
