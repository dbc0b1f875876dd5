/**
 * The list of speakers, as pure rules: where a new request goes (a point of order before every
 * other request, after the points of order already waiting), who may ask (one pending ordinary
 * request per organization and agenda item unless the facilitator allows more; points of order
 * and replies are never held back by it), and reordering.
 * The database keeps the order as ranks 1..n, rewritten from what these functions answer.
 */
export const floorKinds = ['intervention', 'reply', 'point-of-order'] as const;
export type FloorKind = (typeof floorKinds)[number];

export interface Pending {
  id: string;
  organizationId: string | null;
  userId: string;
  kind: FloorKind;
}

/** The list with a new request placed where the rules put it. */
export function withRequest(list: readonly Pending[], request: Pending): Pending[] {
  if (request.kind !== 'point-of-order') return [...list, request];
  const firstOther = list.findIndex((r) => r.kind !== 'point-of-order');
  const at = firstOther === -1 ? list.length : firstOther;
  return [...list.slice(0, at), request, ...list.slice(at)];
}

/**
 * Why a request may not join the list, or null when it may. Only ordinary requests (an
 * intervention) obey the one-per-organization rule: a point of order or a right of reply answers
 * what is happening now, so a waiting request of the person's organization never holds it back;
 * a person has at most one request of each kind waiting.
 */
export function refusalOf(list: readonly Pending[], request: Pick<Pending, 'organizationId' | 'userId' | 'kind'>, allowMultiple: boolean): 'already-requested' | null {
  if (request.kind !== 'intervention') return list.some((r) => r.userId === request.userId && r.kind === request.kind) ? 'already-requested' : null;
  const ordinary = list.filter((r) => r.kind === 'intervention');
  if (allowMultiple) return ordinary.some((r) => r.userId === request.userId) ? 'already-requested' : null;
  const sameOrganization = (r: Pending) => (request.organizationId ? r.organizationId === request.organizationId : r.userId === request.userId);
  return ordinary.some(sameOrganization) ? 'already-requested' : null;
}

/** The list with one request moved to `index` (clamped to the list). */
export function moved(list: readonly Pending[], id: string, index: number): Pending[] {
  const from = list.findIndex((r) => r.id === id);
  if (from === -1) return [...list];
  const rest = list.filter((r) => r.id !== id);
  const to = Math.max(0, Math.min(rest.length, index));
  return [...rest.slice(0, to), list[from]!, ...rest.slice(to)];
}

/** Seconds left of an intervention at `now` (negative: overtime). */
export function secondsLeft(intervention: { startedAt: Date | string; allowedSeconds: number }, now: Date): number {
  return intervention.allowedSeconds - (now.getTime() - new Date(intervention.startedAt).getTime()) / 1000;
}
