/**
 * The off / shadow / live switches of the policy the connector runs, changeable here: the
 * default, each intent (or "follow the default") and each segment. Every change goes to
 * the connector (PUT /api/admin/rollout), which validates it and writes the policy file;
 * what the panel shows afterwards is the connector's answer, not what was picked, so a
 * refused change leaves the old mode on screen next to the reason.
 */
import { Field, Select } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useMemo, useState } from 'react';
import styled from 'styled-components';
import { toConnectorError, type ConnectorApi, type RolloutChange, type RolloutMode, type RolloutView, type SegmentMatchView } from '../api/connector';
import { ConnectorProblem } from '../components/ConnectorProblem';
import { words } from '../components/format';
import { useLoad } from '../hooks/useLoad';
import { useI18n } from '../i18n/TranslationProvider';
import { Card, Scroll, Table } from './layout';

const MODES: RolloutMode[] = ['off', 'shadow', 'live'];
const INHERIT = 'inherit';

/** Rows of name + switch: the switch stays narrow and level with its name. */
const Switches = styled(Table)`
  td {
    vertical-align: middle;
  }
  td:last-child {
    width: 220px;
  }
`;

function ModeSelect({ label, value, options, disabled, onChange }: { label: string; value: string; options: { value: string; text: string }[]; disabled: boolean; onChange(v: string): void }) {
  return (
    <Field>
      <Field.Label hidden>{label}</Field.Label>
      <Select isCompact value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** "org_tags: trial; vip: true": a segment's conditions as the policy file states them. */
const describeMatch = (match: SegmentMatchView) =>
  Object.entries(match)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join('; ');

export function RolloutPanel({ api }: { api: ConnectorApi }) {
  const { t } = useI18n();
  const loader = useMemo(() => () => api.rollout(), [api]);
  const loaded = useLoad(loader);
  const [changed, setChanged] = useState<RolloutView | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const view = changed ?? (loaded.status === 'loaded' ? loaded.data : null);

  const modeText = (m: string) => (m === INHERIT ? t('rollout.inherit', { mode: t(`rollout.mode.${view?.default ?? 'live'}`) }) : t(`rollout.mode.${m}`));
  const modes = MODES.map((m) => ({ value: m, text: t(`rollout.mode.${m}`) }));

  // One change at a time: the connector writes the policy file, and the answer of one
  // change must not be overtaken by an older one.
  const change = async (name: string, body: RolloutChange) => {
    setSaving(true);
    setResult(null);
    try {
      const answer = await api.changeRollout(body);
      setChanged(answer.rollout);
      const vars = { name, mode: modeText(body.mode) };
      setResult({ ok: true, message: answer.changed ? t('rollout.saved', vars) : t('rollout.unchanged', vars) });
    } catch (err) {
      setResult({ ok: false, message: t('rollout.failed', { message: toConnectorError(err).message }) });
    } finally {
      setSaving(false);
    }
  };

  let body;
  if (loaded.status === 'failed' && !view) body = <ConnectorProblem error={loaded.error} url={api.baseUrl} onRetry={loaded.reload} />;
  else if (!view) body = <SM role="status">{t('rollout.loading')}</SM>;
  else
    body = (
      <>
        <div style={{ maxWidth: 260 }} data-testid="rollout-default">
          <Field>
            <Field.Label>{t('rollout.default')}</Field.Label>
            <Select value={view.default} disabled={saving} onChange={(e) => void change(t('rollout.default_name'), { target: { kind: 'default' }, mode: e.target.value as RolloutMode })}>
              {modes.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.text}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Scroll>
          <Switches data-testid="rollout-intents">
            <thead>
              <tr>
                <th>{t('rollout.intent')}</th>
                <th>{t('rollout.mode_column')}</th>
              </tr>
            </thead>
            <tbody>
              {view.intents.map((i) => (
                <tr key={i.intent} data-intent={i.intent}>
                  <td>{words(i.intent)}</td>
                  <td>
                    <ModeSelect
                      label={t('rollout.mode_label', { name: words(i.intent) })}
                      value={i.explicit ? i.mode : INHERIT}
                      options={[{ value: INHERIT, text: modeText(INHERIT) }, ...modes]}
                      disabled={saving}
                      onChange={(m) => void change(words(i.intent), { target: { kind: 'intent', intent: i.intent }, mode: m as RolloutChange['mode'] })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </Switches>
        </Scroll>
        {view.segments.length === 0 ? (
          <SM>{t('rollout.segments_none')}</SM>
        ) : (
          <Scroll>
            <Switches data-testid="rollout-segments">
              <thead>
                <tr>
                  <th>{t('rollout.segment')}</th>
                  <th>{t('rollout.match')}</th>
                  <th>{t('rollout.mode_column')}</th>
                </tr>
              </thead>
              <tbody>
                {view.segments.map((s) => (
                  <tr key={s.name} data-segment={s.name}>
                    <td>{words(s.name)}</td>
                    <td>{describeMatch(s.match)}</td>
                    <td>
                      <ModeSelect
                        label={t('rollout.mode_label', { name: words(s.name) })}
                        value={s.mode}
                        options={modes}
                        disabled={saving}
                        onChange={(m) => void change(words(s.name), { target: { kind: 'segment', segment: s.name }, mode: m as RolloutMode })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </Switches>
          </Scroll>
        )}
      </>
    );

  return (
    <Card aria-labelledby="baton-rollout-title" data-testid="rollout-panel" aria-busy={saving}>
      <MD isBold id="baton-rollout-title" tag="h2">
        {t('rollout.title')}
      </MD>
      <SM>{t('rollout.hint')}</SM>
      {result && (
        <Alert type={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'} data-testid="rollout-result">
          {result.message}
        </Alert>
      )}
      {body}
    </Card>
  );
}
