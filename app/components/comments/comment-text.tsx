/** A comment's text: plain text, mentions and links, never HTML. */
import { commentSegments } from '../../../domain/comments/body.ts';

export function CommentText({ body }: { body: string }) {
  return (
    <p className="comment-body">
      {commentSegments(body).map((s, i) =>
        s.kind === 'text' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'mention' ? (
          <strong key={i} className="mention">@{s.name}</strong>
        ) : (
          <a key={i} href={s.href} rel="nofollow noopener noreferrer ugc" target="_blank">
            {s.href}
          </a>
        ),
      )}
    </p>
  );
}
