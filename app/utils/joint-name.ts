/**
 * How a joint position is named wherever it is cited: "La Strada Ukraine with Caritas Österreich,
 * HAYAT" (the paper's organization, then the co-signers that signed that version). Shared by the
 * pages and the summary's exports, so both name a joint position the same way.
 */
import type { Translate } from '../../locales/index.ts';

export function jointName(t: Translate, organizationName: string, coSignedBy: readonly string[] | undefined): string {
  return coSignedBy?.length ? t('joint.with', { organization: organizationName, others: coSignedBy.join(', ') }) : organizationName;
}
