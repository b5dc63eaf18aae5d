/**
 * The off / shadow / live switches of the policy the connector runs. Picking a mode in a
 * select changes nothing yet (an arrow key on a focused select picks a value, and must not
 * switch live automation): the panel then says what would change, "Refund request: Default
 * (Live) → Off. Baton stops answering refund request tickets", and only Apply sends it to
 * the connector (PUT /api/admin/rollout), which validates it and writes the policy file.
 * Every applied change offers Undo, which sends the previous mode back the same way. What
 * the panel shows afterwards is the connector's answer, not what was picked, so a refused
 * change leaves the old mode on screen next to the reason.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { MD, SM } from '@zendeskgarden/react-typography';
import { Fragment, useMemo, useState } from 'react';
import styled from 'styled-components';
import { toConnectorError, type ConnectorApi, type RolloutChange, type RolloutMode, type RolloutView, type SegmentMatchView } from '../api/connector';
import { ConnectorProblem } from '../components/ConnectorProblem';
import { failureText } from '../components/failure-text';
import { words } from '../components/format';
import { useLoad } from '../hooks/useLoad';
import { useNames } from '../i18n/names';
import { useI18n } from '../i18n/TranslationProvider';
import { Card, Scroll, Table } from './layout';

const MODES: RolloutMode[] = ['off', 'shadow', 'live'];
const INHERIT = 'inherit';
type Choice = RolloutChange['mode'];

/** Rows of name + switch: the switch stays narrow and level with its name. */
const Switches = styled(Table)`
  td {
    vertical-align: middle;
  }
  td:last-child {
    width: 220px;
  }
`;

const Bar = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xs};
  align-items: center;
  margin-top: ${(p) => p.theme.space.xs};
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

/** A change waiting for Apply, or one applied that Undo can take back. */
interface Pending {
  name: string;
  target: RolloutChange['target'];
  from: Choice;
  to: Choice;
}

/** The mode a target has in a view: an intent that follows the default is 'inherit'. */
function currentChoice(view: RolloutView, target: RolloutChange['target']): Choice {
  if (target.kind === 'default') return view.default;
  if (target.kind === 'intent') {
    const i = view.intents.find((x) => x.intent === target.intent);
    return i && i.explicit ? i.mode : INHERIT;
  }
  return view.segments.find((x) => x.name === target.segment)?.mode ?? 'live';
}

export function RolloutPanel({ api }: { api: ConnectorApi }) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = useNames();
  const loader = useMemo(() => () => api.rollout(), [api]);
  const loaded = useLoad(loader);
  const [changed, setChanged] = useState<RolloutView | null>(null);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [applied, setApplied] = useState<Pending | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string; target: RolloutChange['target'] } | null>(null);
  const view = changed ?? (loaded.status === 'loaded' ? loaded.data : null);

  const modeText = (m: string) => (m === INHERIT ? t('rollout.inherit', { mode: t(`rollout.mode.${view?.default ?? 'live'}`) }) : t(`rollout.mode.${m}`));
  const modes = MODES.map((m) => ({ value: m, text: t(`rollout.mode.${m}`) }));
  /** What a mode means for the tickets of a target, in one sentence. */
  const effect = (p: Pending) => {
    const mode = p.to === INHERIT ? (view?.default ?? 'live') : p.to;
    return t(`rollout.effect.${mode}`, { name: p.name });
  };

  const pick = (name: string, target: RolloutChange['target'], to: string) => {
    if (!view) return;
    const from = currentChoice(view, target);
    setResult(null);
    setPending(from === to ? null : { name, target, from, to: to as Choice });
  };

  // One change at a time: the connector writes the policy file, and the answer of one
  // change must not be overtaken by an older one.
  const send = async (p: Pending, undo: boolean) => {
    setSaving(true);
    setResult(null);
    try {
      const answer = await api.changeRollout({ target: p.target, mode: p.to });
      setChanged(answer.rollout);
      setPending(null);
      setApplied(undo ? null : p);
      const vars = { name: p.name, mode: modeText(p.to) };
      setResult({ ok: true, target: p.target, message: undo ? t('rollout.undone', vars) : answer.changed ? t('rollout.saved', vars) : t('rollout.unchanged', vars) });
    } catch (err) {
      setPending(null);
      setResult({ ok: false, target: p.target, message: t('rollout.failed', { message: failureText(toConnectorError(err), i18n) }) });
    } finally {
      setSaving(false);
    }
  };

  const same = (a: RolloutChange['target'], b: RolloutChange['target']) => JSON.stringify(a) === JSON.stringify(b);
  /** A select shows the picked value while the change waits for Apply. */
  const shown = (target: RolloutChange['target'], actual: string) => (pending && same(pending.target, target) ? pending.to : actual);

  /**
   * The confirmation of a picked mode, or the outcome of the last change, drawn right under
   * the switch it concerns: with fifteen intents, a notice at the top of the panel would be
   * off screen for the one just changed.
   */
  const notice = (target: RolloutChange['target']) => {
    if (pending && same(pending.target, target))
      return (
        <Alert type="warning" role="region" aria-live="polite" aria-label={t('rollout.confirm_title')} data-testid="rollout-confirm">
          <Alert.Title>{t('rollout.confirm_title')}</Alert.Title>
          <Alert.Paragraph>
            {t('rollout.confirm_change', { name: pending.name, from: modeText(pending.from), to: modeText(pending.to) })} {effect(pending)}
          </Alert.Paragraph>
          <Bar>
            <Button size="small" isPrimary disabled={saving} onClick={() => void send(pending, false)}>
              {t('rollout.apply')}
            </Button>
            <Button size="small" isBasic disabled={saving} onClick={() => setPending(null)}>
              {t('common.cancel')}
            </Button>
          </Bar>
        </Alert>
      );
    if (result && !pending && same(result.target, target))
      return (
        <Alert type={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'} data-testid="rollout-result">
          {result.message}
          {result.ok && applied && (
            <Bar>
              <Button size="small" disabled={saving} onClick={() => void send({ ...applied, from: applied.to, to: applied.from }, true)}>
                {t('rollout.undo', { name: applied.name, mode: modeText(applied.from) })}
              </Button>
            </Bar>
          )}
        </Alert>
      );
    return null;
  };
  /** The notice as a table row under the switch's own row. */
  const noticeRow = (target: RolloutChange['target'], columns: number) => {
    const n = notice(target);
    return n ? (
      <tr>
        <td colSpan={columns}>{n}</td>
      </tr>
    ) : null;
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
            <Select value={shown({ kind: 'default' }, view.default)} disabled={saving} onChange={(e) => pick(t('rollout.default_name'), { kind: 'default' }, e.target.value)}>
              {modes.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.text}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {notice({ kind: 'default' })}
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
                <Fragment key={i.intent}>
                  <tr data-intent={i.intent}>
                    <td>{names.intent(i.intent)}</td>
                    <td>
                      <ModeSelect
                        label={t('rollout.mode_label', { name: names.intent(i.intent) })}
                        value={shown({ kind: 'intent', intent: i.intent }, i.explicit ? i.mode : INHERIT)}
                        options={[{ value: INHERIT, text: modeText(INHERIT) }, ...modes]}
                        disabled={saving}
                        onChange={(m) => pick(names.intent(i.intent), { kind: 'intent', intent: i.intent }, m)}
                      />
                    </td>
                  </tr>
                  {noticeRow({ kind: 'intent', intent: i.intent }, 2)}
                </Fragment>
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
                  <Fragment key={s.name}>
                    <tr data-segment={s.name}>
                      <td>{words(s.name)}</td>
                      <td>{describeMatch(s.match)}</td>
                      <td>
                        <ModeSelect
                          label={t('rollout.mode_label', { name: words(s.name) })}
                          value={shown({ kind: 'segment', segment: s.name }, s.mode)}
                          options={modes}
                          disabled={saving}
                          onChange={(m) => pick(words(s.name), { kind: 'segment', segment: s.name }, m)}
                        />
                      </td>
                    </tr>
                    {noticeRow({ kind: 'segment', segment: s.name }, 3)}
                  </Fragment>
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
      {body}
    </Card>
  );
}
