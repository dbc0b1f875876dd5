/**
 * The review of attributions, item by item: each passage of the summary beside the paragraph of
 * the position it cites, the organization's answer and the secretariat's response. `actions`
 * lets the page add what the viewer may do on an item (answer, accept, keep).
 */
import type { ReactNode } from 'react';
import type { ReviewItem } from '../../../domain/summary/review.ts';
import { useFormat, useT } from '../../utils/i18n.tsx';

/** An item as a page receives it (dates serialized). */
export type ReviewItemData = Omit<ReviewItem, 'answer'> & {
  answer: (Omit<NonNullable<ReviewItem['answer']>, 'at' | 'respondedAt'> & { at: string | Date; respondedAt: string | Date | null }) | null;
};

export function ReviewItems({ items, showOrganization, actions, headingLevel = 3 }: { items: ReviewItemData[]; showOrganization: boolean; actions?: (item: ReviewItemData) => ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as 'h2';
  const t = useT();
  const format = useFormat();
  return (
    <ol className="plain-list stack review-items">
      {items.map((item) => (
        <li key={item.id} className="card stack review-item" aria-labelledby={`review-${item.id}-title`} data-organization={item.organizationName}>
          <Heading id={`review-${item.id}-title`}>
            {t('review.passageLabel', { number: item.passage })}
            {showOrganization ? ` · ${item.organizationName}` : ''}
          </Heading>
          <div className="review-side-by-side">
            <blockquote className="review-passage">{item.text}</blockquote>
            <div className="stack">
              {item.cited.map((c) => (
                <figure key={`${c.versionNumber}:${c.paragraph}`} className="review-cited">
                  <figcaption className="muted small">
                    {showOrganization
                      ? t('review.citedOf', { organization: item.organizationName, version: c.versionNumber, paragraph: c.paragraph })
                      : t('review.citedLabel', { version: c.versionNumber, paragraph: c.paragraph })}
                  </figcaption>
                  <blockquote>{c.text ?? t('review.citedUnavailable')}</blockquote>
                </figure>
              ))}
            </div>
          </div>
          <div className="review-answer" aria-live="polite">
            {!item.answer ? (
              <p className="muted">{t('review.noAnswer')}</p>
            ) : item.answer.kind === 'agree' ? (
              <p>{t('review.answer.agreed', { name: item.answer.by ?? '—', date: format.dateTime(item.answer.at) })}</p>
            ) : (
              <div className="stack">
                <p>{t('review.answer.proposed', { name: item.answer.by ?? '—', date: format.dateTime(item.answer.at) })}</p>
                <blockquote className="review-proposal">{item.answer.proposedText}</blockquote>
                <p>
                  <strong>{t('review.answer.reasonLabel')}</strong> {item.answer.reason}
                </p>
                {item.answer.response === 'accepted' && <p className="notice">{t('review.response.accepted')}</p>}
                {item.answer.response === 'kept' && (
                  <div className="notice">
                    <p>{t('review.response.kept')}</p>
                    <p>{item.answer.reply}</p>
                  </div>
                )}
              </div>
            )}
          </div>
          {actions?.(item)}
        </li>
      ))}
    </ol>
  );
}
