/**
 * A joint paper's panel on its page: the co-signing organizations and their answers, the
 * representative's invitation form, and (for a co-signer's representative) accepting, signing
 * the latest version (its SHA-256 shown, and sent back so the signature is bound to it) or
 * withdrawing the signature. What each person may do is decided by the loader's `can` calls.
 */
import { Form, useNavigation } from '@remix-run/react';
import { useFormat, useT } from '../../utils/i18n.tsx';

export interface JointPanelProps {
  coSigners: { organizationId: string; name: string; acceptedAt: string | Date | null }[];
  /** Organizations invited to the round that may still be asked (for the representative's form). */
  candidates: { id: string; name: string }[] | null;
  canAccept: boolean;
  /** The latest version and whether the person's organization signs it, for a co-signer's representative. */
  signing: { versionId: string; number: number; digest: string; signed: boolean } | null;
}

export function JointPanel({ coSigners, candidates, canAccept, signing }: JointPanelProps) {
  const t = useT();
  const format = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  if (coSigners.length === 0 && !candidates?.length) return null;
  return (
    <section className="card" aria-labelledby="joint-title">
      <h2 id="joint-title">{t('joint.title')}</h2>
      {coSigners.length === 0 ? (
        <p className="muted">{t('joint.none')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('joint.coSigners')}>
          {coSigners.map((c) => (
            <li key={c.organizationId}>
              <strong>{c.name}</strong> · {c.acceptedAt ? t('joint.acceptedOn', { date: format.date(c.acceptedAt) }) : t('joint.pending')}
            </li>
          ))}
        </ul>
      )}
      {candidates && candidates.length > 0 && (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="invite-co-signer" />
          <label htmlFor="co-signer">{t('joint.inviteLabel')}</label>
          <select id="co-signer" name="organizationId" required>
            {candidates.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button secondary" disabled={busy}>
            {t('joint.invite')}
          </button>
        </Form>
      )}
      {canAccept && (
        <Form method="post">
          <input type="hidden" name="intent" value="accept-co-signing" />
          <p>{t('joint.askedToCoSign')}</p>
          <button type="submit" className="button" disabled={busy}>
            {t('joint.accept')}
          </button>
        </Form>
      )}
      {signing && (
        <Form method="post" className="stack">
          <input type="hidden" name="versionId" value={signing.versionId} />
          <input type="hidden" name="digest" value={signing.digest} />
          <p>
            {signing.signed ? t('joint.youSigned', { number: signing.number }) : t('joint.signPrompt', { number: signing.number })}{' '}
            <code className="digest">{signing.digest}</code>
          </p>
          <div>
            {signing.signed ? (
              <button type="submit" name="intent" value="withdraw-signature" className="button secondary" disabled={busy}>
                {t('joint.withdraw', { number: signing.number })}
              </button>
            ) : (
              <button type="submit" name="intent" value="sign" className="button" disabled={busy}>
                {t('joint.sign', { number: signing.number })}
              </button>
            )}
          </div>
        </Form>
      )}
    </section>
  );
}

/** "Signed by A, B": every signatory of a version, the paper's organization first. */
export function Signatories({ names }: { names: string[] }) {
  const t = useT();
  return (
    <div className="small signatories">
      {t('joint.signedBy')} {names.join(' · ')}
    </div>
  );
}
