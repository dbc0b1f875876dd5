/**
 * The secretariat's side of the review of attributions, beside the summary's editor: put the
 * summary in review with a deadline, see the answers as they arrive, accept a correction (its
 * wording goes into the shared text through the editor, like typing, so undo works and every
 * co-editor sees it) or keep the wording with a reply.
 */
import { useFetcher, Form, useNavigation } from '@remix-run/react';
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { passageText } from '../../../domain/summary/passages.ts';
import type { PaperNodeJson } from '../../../domain/papers/sanitize.ts';
import { useFormat, useT } from '../../utils/i18n.tsx';
import { FormError } from '../form-field.tsx';
import { ReviewItems, type ReviewItemData } from './review-items.tsx';

export interface ReviewPanelData {
  deadline: string | Date | null;
  items: ReviewItemData[];
  outcome: { cited: number; reviewed: number; notAnswered: { id: string; name: string }[] } | null;
  canStart: boolean;
  canRespond: boolean;
  closed: boolean;
}

export function ReviewPanel({ review, timeZone, editor, errors }: { review: ReviewPanelData; timeZone: string; editor: Editor | null; errors?: Record<string, string> }) {
  const t = useT();
  const format = useFormat();
  const navigation = useNavigation();
  const starting = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'start-review';
  return (
    <div className="stack">
      <p className="muted small">{t('review.start.lead')}</p>
      {review.deadline && review.outcome && (
        <p className="notice" role="status">
          {t('review.status', { date: format.zoned(review.deadline, timeZone), answered: review.outcome.reviewed, total: review.outcome.cited })}
        </p>
      )}
      {review.outcome && review.outcome.notAnswered.length > 0 && (
        <p className={review.closed ? 'notice notice-warning' : 'muted'}>
          {t(review.closed ? 'review.notAnswered' : 'review.notAnsweredYet', { names: review.outcome.notAnswered.map((o) => o.name).join(', ') })}
        </p>
      )}
      {review.canStart && (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="start-review" />
          <div className="field">
            <label htmlFor="review-deadline">{t('review.start.deadline')}</label>
            <input id="review-deadline" name="reviewDeadline" type="datetime-local" required aria-invalid={errors?.reviewDeadline ? true : undefined} aria-describedby={errors?.reviewDeadline ? 'review-deadline-error' : undefined} />
            {errors?.reviewDeadline && (
              <p className="field-error" id="review-deadline-error">
                {t(errors.reviewDeadline)}
              </p>
            )}
          </div>
          <p>
            <button type="submit" className="button button-secondary" disabled={starting}>
              {review.deadline ? t('review.start.update') : t('review.start.submit')}
            </button>
          </p>
        </Form>
      )}
      {review.items.length > 0 && <p className="muted small">{t('review.live')}</p>}
      <ReviewItems
        items={review.items}
        showOrganization
        actions={(item) => (review.canRespond && item.answer?.kind === 'correction' && !item.answer.response ? <Respond item={item} editor={editor} /> : null)}
      />
    </div>
  );
}

/** Accept (the proposed wording replaces the passage's words in the editor, its citations kept) or keep with a reply. */
function Respond({ item, editor }: { item: ReviewItemData; editor: Editor | null }) {
  const t = useT();
  const fetcher = useFetcher<{ errors: Record<string, string>; responded?: string }>();
  const [notFound, setNotFound] = useState(false);
  const accept = () => {
    if (editor && item.answer?.proposedText) setNotFound(!replacePassage(editor, item.text, item.answer.proposedText));
    fetcher.submit({ intent: 'respond', response: 'accepted', passageId: item.id }, { method: 'post' });
  };
  const id = `reply-${item.id}`;
  return (
    <div className="stack">
      <p>
        <button type="button" className="button" onClick={accept} disabled={!editor || fetcher.state !== 'idle'}>
          {t('review.accept')}
        </button>
      </p>
      {notFound && <p className="notice notice-warning">{t('review.notFoundInText')}</p>}
      <fetcher.Form method="post" className="stack">
        <input type="hidden" name="intent" value="respond" />
        <input type="hidden" name="response" value="kept" />
        <input type="hidden" name="passageId" value={item.id} />
        <div className="field">
          <label htmlFor={id}>{t('review.reply')}</label>
          <textarea id={id} name="reply" rows={2} aria-invalid={fetcher.data?.errors?.reply ? true : undefined} aria-describedby={fetcher.data?.errors?.reply ? `${id}-error` : undefined} />
          {fetcher.data?.errors?.reply && (
            <p className="field-error" id={`${id}-error`}>
              {t(fetcher.data.errors.reply)}
            </p>
          )}
        </div>
        <FormError error={fetcher.data?.errors?.form} />
        <p>
          <button type="submit" className="button button-secondary" disabled={fetcher.state !== 'idle'}>
            {t('review.keep')}
          </button>
        </p>
      </fetcher.Form>
    </div>
  );
}

/**
 * Finds the text block whose words are the passage under review and puts the proposed wording in
 * place of its words, keeping its citations at the end. False when the passage is no longer in
 * the text as it was (it was edited since): the secretariat edits it by hand.
 */
function replacePassage(editor: Editor, passage: string, proposed: string): boolean {
  let found: { from: number; to: number; citations: PaperNodeJson[] } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    const json = node.toJSON() as PaperNodeJson;
    if (passageText(json) === passage) {
      found = { from: pos + 1, to: pos + node.nodeSize - 1, citations: (json.content ?? []).filter((c) => c.type === 'citation') };
    }
    return false;
  });
  if (!found) return false;
  const { from, to, citations } = found as { from: number; to: number; citations: PaperNodeJson[] };
  const content: PaperNodeJson[] = [{ type: 'text', text: proposed.trim() }];
  for (const c of citations) content.push({ type: 'text', text: ' ' }, c);
  editor.chain().focus().insertContentAt({ from, to }, content as never).run();
  return true;
}
