/**
 * Beside the summary: every submitted position by area, paragraph by paragraph under its theme,
 * each with "Quote" (the words and a citation) and "Cite" (a citation to paraphrase around),
 * shown without expanding anything (a position can still be folded away).
 * And the coverage view: which positions the summary cites, and which not yet.
 */
import { useT, useFormat } from '../../utils/i18n.tsx';
import { jointName } from '../../utils/joint-name.ts';

export interface PanelPosition {
  organizationId: string;
  organizationName: string;
  versionId: string;
  versionNumber: number;
  submittedAt: string | Date;
  passages: { paragraph: number; theme: string | null; text: string }[];
  /** Co-signers of this version (a joint position). */
  coSignedBy?: string[];
}

export function SynthesisPanel({ groups, editable, onQuote, onCite }: {
  groups: { area: string; positions: PanelPosition[] }[];
  editable: boolean;
  onQuote: (p: PanelPosition, paragraph: number) => void;
  onCite: (p: PanelPosition, paragraph: number) => void;
}) {
  const t = useT();
  const format = useFormat();
  if (groups.length === 0) return <p>{t('summary.synthesis.empty')}</p>;
  return (
    <div className="synthesis">
      {groups.map(({ area, positions }) => (
        <section key={area} aria-labelledby={`area-${area}`}>
          <h3 id={`area-${area}`}>
            {area === 'other' ? t('summary.otherArea') : t(`areas.${area}`)} <span className="muted">({positions.length})</span>
          </h3>
          {positions.map((p) => (
            // Open from the start: Quote and Cite are at hand without expanding each position.
            <details key={p.versionId} open>
              <summary>
                {jointName(t, p.organizationName, p.coSignedBy)} <span className="muted small">· v{p.versionNumber} · {format.date(p.submittedAt)}</span>
              </summary>
              {p.passages.length === 0 && <p className="muted small">{t('summary.synthesis.noText')}</p>}
              {p.passages.map((passage, i) => (
                <div key={passage.paragraph}>
                  {passage.theme && passage.theme !== p.passages[i - 1]?.theme && <h4 className="small">{passage.theme}</h4>}
                  <div className="passage">
                    <p>
                      <span className="muted">¶{passage.paragraph}</span> {passage.text}
                    </p>
                    {editable && (
                      <span className="passage-actions">
                        <button type="button" className="tool" onClick={() => onQuote(p, passage.paragraph)} aria-label={t('summary.quoteLabel', { organization: p.organizationName, paragraph: passage.paragraph })}>
                          {t('summary.quote')}
                        </button>
                        <button type="button" className="tool" onClick={() => onCite(p, passage.paragraph)} aria-label={t('summary.citeLabel', { organization: p.organizationName, paragraph: passage.paragraph })}>
                          {t('summary.cite')}
                        </button>
                      </span>
                    )}
                  </div>
                </div>
              ))}
            </details>
          ))}
        </section>
      ))}
    </div>
  );
}

export function Coverage({ cited, notCited }: { cited: { organizationId: string; organizationName: string; citations: number }[]; notCited: { organizationId: string; organizationName: string }[] }) {
  const t = useT();
  return (
    <div aria-live="polite">
      <p data-testid="coverage-summary">{t('summary.coverage.counts', { cited: cited.length, total: cited.length + notCited.length })}</p>
      <h3>{t('summary.coverage.notCited', { count: notCited.length })}</h3>
      {notCited.length === 0 ? (
        <p>{t('summary.coverage.allCited')}</p>
      ) : (
        <ul className="coverage-list" data-testid="not-cited">
          {notCited.map((p) => (
            <li key={p.organizationId}>{p.organizationName}</li>
          ))}
        </ul>
      )}
      <h3>{t('summary.coverage.cited', { count: cited.length })}</h3>
      {cited.length === 0 ? (
        <p>{t('summary.coverage.noneCited')}</p>
      ) : (
        <ul className="coverage-list" data-testid="cited">
          {cited.map((p) => (
            <li key={p.organizationId}>
              {p.organizationName} <span className="muted">({t('summary.coverage.times', { count: p.citations })})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
