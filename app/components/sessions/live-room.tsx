/**
 * The live room of a session: the agenda, the current speaker and the countdown (from the
 * stored start, on the server's clock), the list of speakers, who is present, the roll call,
 * and the facilitator's controls. Every action goes to the server, which answers with the new
 * state for everyone; the page shows the server's state, never a guess.
 */
import { Link } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import type { Present, SessionState } from '../../../domain/sessions/sessions.ts';
import { can, type Actor, type RoundFacts } from '../../../domain/permissions.ts';
import { floorKinds, refusalOf } from '../../../domain/sessions/speakers.ts';
import { useFormat, useT } from '../../utils/i18n.tsx';
import { clock } from '../../utils/durations.ts';
import { ackProblem, ask, connectSocket, type Ack } from '../../utils/socket.client.ts';

type Live = 'connecting' | 'live' | 'offline' | 'refused';

type PresenceChange = { sessionId: string } & ({ joined: Present } | { left: string } | { present: Present[] });

function useSession(initial: SessionState, initialPresent: Present[]) {
  const [state, setState] = useState(initial);
  const [present, setPresent] = useState(initialPresent);
  const [live, setLive] = useState<Live>('connecting');
  const [problem, setProblem] = useState<{ key: string; vars?: Record<string, string | number> } | null>(null);
  const offset = useRef(new Date(initial.serverNow).getTime() - Date.now());
  const take = (next: SessionState) => {
    offset.current = new Date(next.serverNow).getTime() - Date.now();
    setState(next);
  };
  useEffect(() => {
    const socket = connectSocket();
    const joinRoom = () =>
      ask<{ state: SessionState; present: Present[] }>('session:join', { sessionId: initial.id }).then((ack) => {
        if (ack.ok) {
          take(ack.state);
          setPresent(ack.present);
          setLive('live');
        } else {
          setLive(ack.error === 'unavailable' ? 'offline' : 'refused');
          setProblem(ackProblem(ack));
        }
      });
    const changed = (next: SessionState) => {
      if (next.id === initial.id) take(next);
    };
    const presence = (change: PresenceChange) => {
      if (change.sessionId !== initial.id) return;
      if ('present' in change) setPresent(change.present);
      else if ('left' in change) setPresent((all) => all.filter((p) => p.userId !== change.left));
      else setPresent((all) => [...all.filter((p) => p.userId !== change.joined.userId), change.joined]);
    };
    const lost = () => setLive('offline');
    const refused = (message: { sessionId: string }) => {
      if (message.sessionId !== initial.id) return;
      setLive('refused');
      setProblem({ key: 'errors.live.forbidden' });
    };
    socket.on('session:refused', refused);
    socket.on('session:presence', presence);
    socket.on('connect', joinRoom);
    socket.on('disconnect', lost);
    socket.on('session:state', changed);
    if (socket.connected) joinRoom();
    return () => {
      void ask('session:leave', { sessionId: initial.id });
      socket.off('connect', joinRoom);
      socket.off('disconnect', lost);
      socket.off('session:state', changed);
      socket.off('session:presence', presence);
      socket.off('session:refused', refused);
    };
  }, [initial.id]);
  const act = async (event: string, payload: Record<string, unknown> = {}): Promise<boolean> => {
    setProblem(null);
    const ack: Ack<{ state: SessionState }> = await ask(event, { sessionId: initial.id, ...payload });
    if (ack.ok) take(ack.state);
    else setProblem(ackProblem(ack));
    return ack.ok;
  };
  return { state, present, live, problem, act, serverNow: () => Date.now() + offset.current };
}

/** Seconds left of the current speaker, updated four times a second. */
function useCountdown(speaker: SessionState['speaker'], serverNow: () => number) {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!speaker) return setLeft(null);
    const tick = () => setLeft(speaker.allowedSeconds - (serverNow() - new Date(speaker.startedAt).getTime()) / 1000);
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [speaker, serverNow]);
  return left;
}

function StatementOf({ speaker, roundId }: { speaker: NonNullable<SessionState['speaker']>; roundId: string }) {
  const t = useT();
  const statement = speaker.statement;
  if (!statement) return null;
  return (
    <div className="statement">
      <p className="small">
        <strong>{t('sessions.statement')}</strong>
      </p>
      {'text' in statement ? (
        <p className="statement-text">{statement.text}</p>
      ) : (
        <p>
          <a href={`/rounds/${roundId}/papers/${statement.paper.paperId}#version-${statement.paper.number}`}>{t('sessions.statementPaper', { number: statement.paper.number })}</a>
        </p>
      )}
    </div>
  );
}

function AttachStatement({ onAttach }: { onAttach: (statement: { text: string } | { submittedPaper: true }) => Promise<boolean> }) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <details className="attach-statement">
      <summary>{t('sessions.attachStatement')}</summary>
      <label className="field">
        <span>{t('sessions.statementText')}</span>
        <textarea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" className="button" onClick={() => onAttach({ text }).then((ok) => ok && setText(''))}>
          {t('sessions.attachText')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onAttach({ submittedPaper: true })}>
          {t('sessions.attachPaper')}
        </button>
      </div>
    </details>
  );
}

export function LiveRoom({ initial, initialPresent, papers, me, round, timeZone, projector }: { initial: SessionState; initialPresent: Present[]; papers: Array<{ id: string; organizationName: string }>; me: Actor; round: RoundFacts; timeZone: string; projector: boolean }) {
  const t = useT();
  const format = useFormat();
  const { state, present, live, problem, act, serverNow } = useSession(initial, initialPresent);
  const left = useCountdown(state.speaker, serverNow);
  const resource = { type: 'session', round, status: state.status, attendees: state.attendees } as const;
  const runs = can(me, 'run', resource);
  const mayRequest = can(me, 'request-floor', resource);
  const mine = state.list.find((r) => r.userId === me.id);
  // The kinds of request the rules take from this person now (a point of order is never held back).
  const askable = floorKinds.filter((kind) => refusalOf(state.list, { organizationId: me.organizationId, userId: me.id, kind }, state.allowMultipleRequests) === null);
  const current = state.agenda.find((i) => i.current);
  const timeLeft =
    left === null ? null : (
      <p className={left < 0 ? 'countdown overtime' : 'countdown'}>
        <span aria-hidden="true">{left < 0 ? `+${clock(left)}` : clock(left)}</span>
        <span className="visually-hidden">{left < 0 ? t('sessions.overtime', { time: clock(left) }) : t('sessions.timeLeft', { time: clock(left) })}</span>
      </p>
    );

  if (projector) {
    return (
      <div className="projector">
        <div className="projector-bar">
          <Link to="." className="projector-exit">
            {t('sessions.leaveProjector')}
          </Link>
          <FullScreenButton />
        </div>
        <h1 className="projector-title">{state.title}</h1>
        <p className="projector-item">{current?.title}</p>
        {state.speaker ? (
          <>
            <p className="projector-speaker">{state.speaker.name}</p>
            <p className="projector-organization">{state.speaker.organizationName}</p>
            {timeLeft}
          </>
        ) : (
          <p className="projector-speaker">{t('sessions.nobodySpeaking')}</p>
        )}
        <h2>{t('sessions.next')}</h2>
        <ol className="projector-list">
          {state.list.slice(0, 5).map((r) => (
            <li key={r.id}>
              {r.name} {r.organizationName && `· ${r.organizationName}`} {r.kind !== 'intervention' && `· ${t(`sessions.kind.${r.kind}`)}`}
            </li>
          ))}
        </ol>
      </div>
    );
  }

  const byOrganization = new Map<string, string[]>();
  for (const p of [...present].sort((a, b) => (a.organizationName ?? '').localeCompare(b.organizationName ?? '') || a.name.localeCompare(b.name))) byOrganization.set(p.organizationName ?? t('sessions.iomStaff'), [...(byOrganization.get(p.organizationName ?? t('sessions.iomStaff')) ?? []), p.name].filter(Boolean));
  // Participants are told which organizations are present, not who (IOM staff see each person).
  const organizationsOnly = present.every((p) => !p.name);
  const answered = new Set(state.rollCall?.answered ?? []);

  return (
    <div className="stack">
      <header className="page-header with-actions">
        <div>
          <h1>{state.title}</h1>
          <p className="lead">
            <span className="badge badge-phase">{t(`sessions.status.${state.status}`)}</span> {format.zoned(state.startsAt, timeZone)} ·{' '}
            <span className={`live-state live-${live}`} role="status">
              {t(`comments.live.${live}`)}
            </span>
          </p>
        </div>
        {runs && (
          <div className="actions">
            {state.status === 'scheduled' && (
              <button type="button" className="button" onClick={() => act('session:open')}>
                {t('sessions.open')}
              </button>
            )}
            {state.status === 'open' && (
              <>
                <button type="button" className="button button-secondary" onClick={() => act('rollcall:start')}>
                  {t('sessions.callRoll')}
                </button>
                <button type="button" className="button button-danger" onClick={() => confirm(t('sessions.closeConfirm')) && act('session:close')}>
                  {t('sessions.close')}
                </button>
              </>
            )}
          </div>
        )}
      </header>
      {problem && (
        <p className="notice notice-error" role="alert">
          {t(problem.key, problem.vars)}
        </p>
      )}
      {state.rollCall && state.status === 'open' && (
        <section className="notice" aria-labelledby="roll-call-title">
          <h2 id="roll-call-title">{t('sessions.rollCall')}</h2>
          <p>{t('sessions.rollCallAnswered', { count: answered.size })}</p>
          {me.organizationId && can(me, 'answer-roll-call', resource) && !answered.has(me.organizationId) && (
            <button type="button" className="button" onClick={() => act('rollcall:answer')}>
              {t('sessions.confirmPresence')}
            </button>
          )}
          {me.organizationId && answered.has(me.organizationId) && <p>{t('sessions.presenceConfirmed')}</p>}
        </section>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="floor-title">
          <h2 id="floor-title">{t('sessions.floor')}</h2>
          {state.speaker ? (
            <div className="speaker">
              <p className="speaker-name">
                {state.speaker.name} {state.speaker.organizationName && <span className="muted">· {state.speaker.organizationName}</span>}
              </p>
              <p className="muted">{t(`sessions.kind.${state.speaker.kind}`)}</p>
              {timeLeft}
              <StatementOf speaker={state.speaker} roundId={state.roundId} />
              {can(me, 'attach-statement', { type: 'intervention', organizationId: state.speaker.organizationId, round, status: state.status }) && (
                <AttachStatement onAttach={(statement) => act('statement:attach', { interventionId: state.speaker!.interventionId, statement })} />
              )}
              {runs && (
                <div className="actions">
                  <button type="button" className="button button-secondary" onClick={() => act('floor:extend', { seconds: 60 })}>
                    {t('sessions.extend')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => act('floor:take-back')}>
                    {t('sessions.takeBack')}
                  </button>
                </div>
              )}
            </div>
          ) : (
            <p className="muted">{t('sessions.nobodySpeaking')}</p>
          )}
          <h3>{t('sessions.speakers')}</h3>
          {state.list.length === 0 ? (
            <p className="muted">{t('sessions.listEmpty')}</p>
          ) : (
            <ol className="speakers-list">
              {state.list.map((r, i) => (
                <li key={r.id} className={`speaker-request kind-${r.kind}`}>
                  <span>
                    {r.name} {r.organizationName && <span className="muted">· {r.organizationName}</span>} · {t(`sessions.kind.${r.kind}`)}
                  </span>
                  {runs && (
                    <span className="actions">
                      <button type="button" className="link-button" aria-label={t('sessions.giveTo', { name: r.name })} onClick={() => act('floor:give', { requestId: r.id })} disabled={state.status !== 'open'}>
                        {t('sessions.give')}
                      </button>
                      <button type="button" className="link-button" aria-label={t('sessions.moveUp', { name: r.name })} onClick={() => act('floor:reorder', { requestId: r.id, index: i - 1 })} disabled={i === 0}>
                        ↑
                      </button>
                      <button type="button" className="link-button" aria-label={t('sessions.moveDown', { name: r.name })} onClick={() => act('floor:reorder', { requestId: r.id, index: i + 1 })} disabled={i === state.list.length - 1}>
                        ↓
                      </button>
                      <button type="button" className="link-button danger" aria-label={t('sessions.removeFrom', { name: r.name })} onClick={() => act('floor:remove', { requestId: r.id })}>
                        {t('sessions.remove')}
                      </button>
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
          {runs && (
            <label className="checkbox">
              <input type="checkbox" checked={state.allowMultipleRequests} onChange={(e) => act('session:allow-multiple', { allowed: e.target.checked })} /> {t('sessions.allowMultiple')}
            </label>
          )}
          {runs && state.status === 'open' && state.list.length > 0 && (
            <button type="button" className="button" onClick={() => act('floor:give')}>
              {t('sessions.giveNext')}
            </button>
          )}
          {mayRequest && (
            <>
              {mine && (
                <p>
                  {t('sessions.youAreOnTheList')}{' '}
                  <button type="button" className="link-button" onClick={() => act('floor:withdraw')}>
                    {t('sessions.withdraw')}
                  </button>
                </p>
              )}
              {!askable.includes('intervention') && !mine && <p className="muted small">{t('sessions.organizationWaiting')}</p>}
              {askable.length > 0 && (
                <div className="actions">
                  {askable.map((kind) => (
                    <button key={kind} type="button" className={kind === 'intervention' ? 'button' : 'button button-secondary'} onClick={() => act('floor:request', { kind })}>
                      {t(`sessions.request.${kind}`)}
                    </button>
                  ))}
                </div>
              )}
            </>
          )}
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t('sessions.agenda')}</h2>
            <ol className="agenda">
              {state.agenda.map((item) => (
                <li key={item.id} className={item.current ? 'current' : undefined} aria-current={item.current ? 'step' : undefined}>
                  {item.title}
                  {runs && !item.current && (
                    <button type="button" className="link-button" onClick={() => act('session:item', { itemId: item.id })}>
                      {t('sessions.moveTo')}
                    </button>
                  )}
                  {item.papers.length > 0 && (
                    <ul className="item-papers">
                      {item.papers.map((p) => (
                        <li key={p.paperId}>
                          <a href={`/rounds/${state.roundId}/papers/${p.paperId}`}>{t('sessions.paperOf', { organization: p.organizationName })}</a>
                        </li>
                      ))}
                    </ul>
                  )}
                  {runs && papers.length > 0 && (
                    <details className="link-papers">
                      <summary>{t('sessions.linkPapers')}</summary>
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          const chosen = new FormData(e.currentTarget).getAll('paperId').map(String);
                          void act('session:item-papers', { itemId: item.id, paperIds: chosen });
                        }}
                      >
                        <fieldset>
                          <legend className="visually-hidden">{t('sessions.linkPapersFor', { item: item.title })}</legend>
                          {papers.map((p) => (
                            <label key={p.id} className="checkbox">
                              <input type="checkbox" name="paperId" value={p.id} defaultChecked={item.papers.some((x) => x.paperId === p.id)} /> {p.organizationName}
                            </label>
                          ))}
                        </fieldset>
                        <button type="submit" className="button button-secondary">
                          {t('forms.save')}
                        </button>
                      </form>
                    </details>
                  )}
                </li>
              ))}
            </ol>
          </section>
          <section className="card" aria-labelledby="present-title">
            <h2 id="present-title">{organizationsOnly ? t('sessions.presentOrganizations', { count: byOrganization.size }) : t('sessions.present', { count: present.length })}</h2>
            <ul className="plain-list">
              {[...byOrganization].map(([organization, names]) => (
                <li key={organization}>
                  <strong>{organization}</strong>
                  {names.length > 0 && `: ${names.join(', ')}`}
                </li>
              ))}
            </ul>
            {organizationsOnly && <p className="muted small">{t('sessions.presentWhoHint')}</p>}
          </section>
        </div>
      </div>
    </div>
  );
}

/** Puts the projector view on the whole screen (the browser's full-screen mode), and back. */
function FullScreenButton() {
  const t = useT();
  const [full, setFull] = useState(false);
  useEffect(() => {
    const changed = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  if (typeof document !== 'undefined' && !document.fullscreenEnabled) return null;
  return (
    <button type="button" className="button button-secondary button-small" onClick={() => (full ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {})}>
      {t(full ? 'sessions.exitFullScreen' : 'sessions.fullScreen')}
    </button>
  );
}
