/**
 * A published summary, drawn from its (cleaned) editor JSON as React elements: text is always
 * text, links only to safe addresses, and each citation a focusable reference that shows its
 * source passage when the reader may see it, a plain reference otherwise.
 */
import { jointName } from '../../utils/joint-name.ts';
import type { ReactNode } from 'react';
import { citationLabel, isSafeUrl } from '../../../domain/papers/editor-schema.ts';
import type { PaperNodeJson } from '../../../domain/papers/sanitize.ts';
import { useFormat, useT } from '../../utils/i18n.tsx';
import { passageText } from '../../../domain/summary/passages.ts';

export type Sources = Record<string, { passage: string | null; organizationName?: string; coSignedBy?: string[]; versionNumber?: number; submittedAt?: string | Date; href?: string | null }>;

/**
 * `anchors`: each paragraph a citation can point to gets the id `paragraph-N`, numbered as
 * `passagesOf` numbers them (a submitted version shown so that citations can link into it).
 */
export function SummaryView({ document, sources, anchors = false }: { document: PaperNodeJson; sources: Sources; anchors?: boolean }) {
  const t = useT();
  const format = useFormat();
  let citationCount = 0;
  let paragraphCount = 0;
  const anchorOf = (node: PaperNodeJson) => (anchors && passageText(node) !== '' ? `paragraph-${++paragraphCount}` : undefined);
  const render = (node: PaperNodeJson, key: number | string, depth = 0): ReactNode => {
    if (depth > 64) return null;
    const children = () => (node.content ?? []).map((child, i) => render(child, i, depth + 1));
    switch (node.type) {
      case 'doc':
        return <>{children()}</>;
      case 'paragraph':
        return (
          <p key={key} id={anchorOf(node)}>
            {children()}
          </p>
        );
      case 'heading': {
        // The page's h1 is the round's: the summary's headings start one level down.
        const level = Math.min(6, Math.max(2, Number(node.attrs?.level ?? 2) + 1));
        const Tag = `h${level}` as 'h2';
        return <Tag key={key}>{children()}</Tag>;
      }
      case 'bulletList':
        return <ul key={key}>{children()}</ul>;
      case 'orderedList':
        return <ol key={key}>{children()}</ol>;
      case 'listItem':
        return <li key={key}>{children()}</li>;
      case 'blockquote':
        return <blockquote key={key}>{children()}</blockquote>;
      case 'codeBlock':
        return (
          <pre key={key} id={anchorOf(node)}>
            {children()}
          </pre>
        );
      case 'horizontalRule':
        return <hr key={key} />;
      case 'hardBreak':
        return <br key={key} />;
      case 'table':
        return (
          <div className="table-wrap" key={key}>
            <table>
              <tbody>{children()}</tbody>
            </table>
          </div>
        );
      case 'tableRow':
        return <tr key={key}>{children()}</tr>;
      case 'tableHeader':
        return (
          <th key={key} scope="col">
            {children()}
          </th>
        );
      case 'tableCell':
        return <td key={key}>{children()}</td>;
      case 'citation': {
        citationCount += 1;
        const a = node.attrs ?? {};
        const source = sources[`${String(a.versionId)}:${String(a.paragraph)}`];
        const id = `citation-${citationCount}`;
        // Who may read the cited version follows the link to its paragraph; others are told
        // whose position it is and when it was submitted.
        const where = source?.organizationName && source.submittedAt ? t('summary.sourceOf', { organization: jointName(t, source.organizationName, source.coSignedBy), number: source.versionNumber ?? '?', date: format.date(source.submittedAt) }) : t('summary.sourceUnavailable');
        return (
          <cite key={key} className="citation" tabIndex={source?.href ? undefined : 0} aria-describedby={`${id}-source`}>
            {source?.href ? <a href={source.href}>{citationLabel(a)}</a> : citationLabel(a)}
            <span className="citation-source" role="tooltip" id={`${id}-source`}>
              {source?.passage ? `“${source.passage}”` : where}
            </span>
          </cite>
        );
      }
      case 'text':
        return <Marked key={key} node={node} />;
      default:
        return <span key={key}>{children()}</span>;
    }
  };
  return <div className="summary-document">{render(document, 'root')}</div>;
}

function Marked({ node }: { node: PaperNodeJson }) {
  let content: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') content = <strong>{content}</strong>;
    else if (mark.type === 'italic') content = <em>{content}</em>;
    else if (mark.type === 'strike') content = <s>{content}</s>;
    else if (mark.type === 'code') content = <code>{content}</code>;
    else if (mark.type === 'link' && typeof mark.attrs?.href === 'string' && isSafeUrl(mark.attrs.href)) {
      content = (
        <a href={mark.attrs.href} rel="noopener noreferrer nofollow" target="_blank">
          {content}
        </a>
      );
    }
  }
  return <>{content}</>;
}
