/**
 * Writing a comment: a text area that offers the people who can see the thread when "@" is
 * typed (arrow keys and Enter pick one, Escape closes), a counter, a pending state and the
 * server's refusal in words.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { commentMaxLength } from '../../../domain/comments/body.ts';
import { useT } from '../../utils/i18n.tsx';
import { ackProblem, ask, type Ack } from '../../utils/socket.client.ts';
import type { Place } from './use-threads.ts';

interface Person {
  id: string;
  name: string;
  organizationName: string | null;
}

const mentionable = new Map<string, Promise<Person[]>>();
function peopleFor(place: Place): Promise<Person[]> {
  const key = JSON.stringify(place);
  if (!mentionable.has(key)) {
    mentionable.set(key, ask<{ people: Person[] }>('comments:mentionable', place).then((ack) => (ack.ok ? ack.people : [])));
  }
  return mentionable.get(key)!;
}

export function Composer({ place, label, submitLabel, initial = '', onSend, onCancel, autoFocus }: {
  place: Place;
  label: string;
  submitLabel: string;
  initial?: string;
  onSend: (body: string) => Promise<Ack<Record<string, unknown>>>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [body, setBody] = useState(initial);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ key: string; vars?: Record<string, string | number> } | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (autoFocus) area.current?.focus();
  }, [autoFocus]);

  const matches = query === null ? [] : people.filter((p) => p.name.toLowerCase().includes(query.toLowerCase())).slice(0, 6);

  const onInput = (value: string) => {
    setBody(value);
    setProblem(null);
    const caret = area.current?.selectionStart ?? value.length;
    const typed = /(?:^|\s)@([^\s@[\]]{0,40})$/.exec(value.slice(0, caret));
    setQuery(typed ? typed[1]! : null);
    setActive(0);
    if (typed && people.length === 0) void peopleFor(place).then(setPeople);
  };

  const pick = (person: Person) => {
    const el = area.current!;
    const caret = el.selectionStart;
    const before = body.slice(0, caret).replace(/@([^\s@[\]]{0,40})$/, `@[${person.name}] `);
    const value = before + body.slice(caret);
    setBody(value);
    setQuery(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(before.length, before.length);
    });
  };

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (!body.trim()) return setProblem({ key: 'errors.comment.empty' });
    setPending(true);
    const ack = await onSend(body);
    setPending(false);
    if (!ack.ok) return setProblem(ackProblem(ack));
    setBody('');
  };

  return (
    <form className="composer" onSubmit={send} aria-label={label}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        ref={area}
        name="body"
        rows={3}
        value={body}
        maxLength={commentMaxLength}
        placeholder={t('comments.placeholder')}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${problem ? `${id}-problem` : `${id}-hint`} ${id}-people-status`}
        onChange={(e) => onInput(e.target.value)}
        onKeyDown={(e) => {
          if (matches.length) {
            if (e.key === 'ArrowDown') return e.preventDefault(), setActive((a) => (a + 1) % matches.length);
            if (e.key === 'ArrowUp') return e.preventDefault(), setActive((a) => (a + matches.length - 1) % matches.length);
            if (e.key === 'Enter' || e.key === 'Tab') return e.preventDefault(), pick(matches[active]!);
            if (e.key === 'Escape') return e.preventDefault(), setQuery(null);
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(e);
        }}
      />
      {/* A text area cannot be a combobox: the suggestions are announced, then picked with the arrows. */}
      <p id={`${id}-people-status`} className="visually-hidden" aria-live="polite">
        {matches.length ? t('comments.mentionSuggestions', { count: matches.length, name: matches[active]?.name ?? '' }) : ''}
      </p>
      {matches.length > 0 && (
        <ul id={`${id}-people`} role="listbox" className="mention-list" aria-label={t('comments.mentionList')}>
          {matches.map((p, i) => (
            <li key={p.id} id={`${id}-person-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => (e.preventDefault(), pick(p))}>
              {p.name} {p.organizationName && <span className="muted">· {p.organizationName}</span>}
            </li>
          ))}
        </ul>
      )}
      {problem ? (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {t(problem.key, problem.vars)}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          {t('comments.hint', { count: body.length, limit: commentMaxLength })}
        </p>
      )}
      <div className="composer-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('forms.sending') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('forms.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
