/** The events the audit log records (no database code here: pages list them too). */
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'sign-out-everywhere'
  | 'password-changed'
  | 'password-reset-requested'
  | 'password-reset-throttled'
  | 'password-reset'
  | 'invitation-created'
  | 'invitation-revoked'
  | 'invitation-accepted'
  | 'role-changed'
  | 'representative-changed'
  | 'member-removed'
  | 'organization-created'
  | 'organization-updated'
  | 'permission-refused'
  | 'comment-reported'
  | 'comment-hidden'
  | 'comment-restored'
  | 'reports-dismissed'
  | 'meeting-recorded'
  | 'attendance-imported'
  | 'participation-corrected'
  | 'summary-published'
  | 'round-made-public'
  | 'summary-review-started';

export const auditActions: readonly AuditAction[] = [
  'sign-in', 'sign-in-failed', 'sign-out', 'sign-out-everywhere', 'password-changed',
  'password-reset-requested', 'password-reset-throttled', 'password-reset', 'invitation-created', 'invitation-revoked',
  'invitation-accepted', 'role-changed', 'representative-changed', 'member-removed',
  'organization-created', 'organization-updated', 'permission-refused', 'comment-reported',
  'comment-hidden', 'comment-restored', 'reports-dismissed', 'meeting-recorded',
  'attendance-imported', 'participation-corrected', 'summary-published',
  'round-made-public', 'summary-review-started',
];

