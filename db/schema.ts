/**
 * The drizzle schema: one table per noun of the platform. Migrations in db/migrations are
 * generated from this file with `npm run db:generate` and committed.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['observer', 'facilitator', 'secretariat', 'admin']);
export const organizationLevel = pgEnum('organization_level', [
  'local',
  'national',
  'regional',
  'international',
]);
export const locale = pgEnum('locale', ['en', 'fr', 'es']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    /** ISO 3166-1 alpha-2 codes. */
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    level: organizationLevel('level').notNull(),
    /** Areas of activity (domain/organizations/vocabulary.ts). */
    areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
    /** Relationships with IOM (paragraph 4 of the reference paper). */
    relationships: text('relationships').array().notNull().default(sql`'{}'::text[]`),
    hasObserverStatus: boolean('has_observer_status').notNull().default(false),
    observerSince: date('observer_since'),
    description: text('description').notNull().default(''),
    /** Suggested changes in its papers are decided by the representative, and by any member when true (ADR 027). */
    membersDecideSuggestions: boolean('members_decide_suggestions').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organizations_name_unique').on(sql`lower(${t.name})`)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; the unique index relies on it. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    /** Observers belong to exactly one organization; staff roles to none. */
    organizationId: uuid('organization_id').references(() => organizations.id, {
      onDelete: 'restrict',
    }),
    isRepresentative: boolean('is_representative').notNull().default(false),
    locale: locale('locale'),
    /** The IANA zone the person reads times in; null: the browser's. */
    timeZone: text('time_zone'),
    /** Automatic reminders (a deadline, a session) by mail and in the inbox; the person may turn them off. */
    receivesReminders: boolean('receives_reminders').notNull().default(true),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_organization_idx').on(t.organizationId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the token kept in the cookie; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Idle expiry: pushed forward while the session is used (sliding). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Absolute expiry: never moves. */
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    role: userRole('role').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, {
      onDelete: 'cascade',
    }),
    isRepresentative: boolean('is_representative').notNull().default(false),
    invitedById: uuid('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invitations_token_unique').on(t.tokenHash),
    index('invitations_organization_idx').on(t.organizationId),
  ],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('password_resets_token_unique').on(t.tokenHash)],
);

/** Every mail the platform sends, kept whether or not an SMTP server took it. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
  /** 'outbox' when no SMTP server is configured, 'smtp' when one took the mail. */
  transport: text('transport').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  error: text('error'),
  },
  // The outbox lists the latest first; mail not sent is found without reading what was.
  (t) => [index('mail_outbox_created_idx').on(t.createdAt), index('mail_outbox_unsent_idx').on(t.createdAt).where(sql`sent_at is null`)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** e.g. 'sign-in', 'sign-in-failed', 'invitation-created', 'role-changed', 'permission-refused' */
    action: text('action').notNull(),
    /** What the action was about: 'user:<id>', 'organization:<id>', an email for failed sign-ins. */
    subject: text('subject'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_subject_idx').on(t.action, t.subject, t.at),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type MailMessage = typeof mailOutbox.$inferSelect;

/** Binary columns (Yjs updates and states): postgres-js answers a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

export const roundPhase = pgEnum('round_phase', ['draft', 'open', 'sessions', 'synthesis', 'published', 'closed']);
export const positionVisibility = pgEnum('position_visibility', ['on-submission', 'after-deadline', 'never']);
/** What the members of a joint paper's co-signing organizations may do with its draft. */
export const coSignerAccess = pgEnum('co_signer_access', ['read-and-comment', 'edit']);

/** A topic put to NGOs within the International Dialogue on Migration. */
export const consultationRounds = pgTable('consultation_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  framing: text('framing').notNull().default(''),
  areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
  phase: roundPhase('phase').notNull().default('draft'),
  /** Planned dates of each phase: { open: '2026-01-10', sessions: … }. */
  phaseDates: jsonb('phase_dates').$type<Record<string, string>>().notNull().default({}),
  submissionDeadline: timestamp('submission_deadline', { withTimezone: true }),
  /** The round's own IANA zone: its deadline and sessions are set and shown in it (Geneva's by default). */
  timeZone: text('time_zone').notNull().default('Europe/Zurich'),
  wordLimit: integer('word_limit'),
  /** Days before the deadline when organizations that have not submitted are reminded. */
  reminderDays: integer('reminder_days').array().notNull().default(sql`'{7,2,1}'::integer[]`),
  /** Counts changes of the deadline: the calendar feed's SEQUENCE of the deadline's event. */
  deadlineSequence: integer('deadline_sequence').notNull().default(0),
  positionVisibility: positionVisibility('position_visibility').notNull().default('after-deadline'),
  /** Joint papers: whether co-signers' members edit the draft, or only read and comment on it. */
  coSignerAccess: coSignerAccess('co_signer_access').notNull().default('read-and-comment'),
  createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const roundOrganizations = pgTable(
  'round_organizations',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => consultationRounds.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('round_organizations_pk').on(t.roundId, t.organizationId), index('round_organizations_org_idx').on(t.organizationId)],
);

/** One organization's position in one round; its text lives in a Yjs document. */
export const positionPapers = pgTable(
  'position_papers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => consultationRounds.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    language: locale('language').notNull().default('en'),
    startedById: uuid('started_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** Derived on each store, for display and search: sanitized HTML, plain text, words. */
    html: text('html').notNull().default(''),
    text: text('text').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('position_papers_round_org_unique').on(t.roundId, t.organizationId)],
);

/** The compacted Yjs state of a document (a paper, later session notes and summaries). */
export const collaborativeDocuments = pgTable('collaborative_documents', {
  name: text('name').primaryKey(),
  state: bytea('state').notNull(),
  /** The last update-log id folded into `state`. */
  compactedThrough: bigint('compacted_through', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every incoming update, stored as it arrives: nothing received is lost between compactions. */
export const documentUpdates = pgTable(
  'document_updates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    documentName: text('document_name').notNull(),
    update: bytea('update').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('document_updates_name_idx').on(t.documentName, t.id)],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A submitted, immutable version of a paper. */
export const paperVersions = pgTable(
  'paper_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paperId: uuid('paper_id')
      .notNull()
      .references(() => positionPapers.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: jsonb('content').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    wordCount: integer('word_count').notNull(),
    /** SHA-256 of the content as submitted: the receipt. */
    digest: text('digest').notNull(),
    submittedById: uuid('submitted_by_id').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /** The paper's language, which decides how its words are stemmed for search. */
    language: locale('language').notNull().default('en'),
    /** The organization agreed, when submitting this version, to its publication on the round's public page. */
    publishPublicly: boolean('publish_publicly').notNull().default(false),
    search: tsvector('search').generatedAlwaysAs(
      sql`case language when 'fr' then to_tsvector('french', text) when 'es' then to_tsvector('spanish', text) else to_tsvector('english', text) end`,
    ),
  },
  (t) => [uniqueIndex('paper_versions_number_unique').on(t.paperId, t.number), index('paper_versions_search_idx').using('gin', t.search)],
);

/**
 * The organizations a paper's organization asked to co-sign it (a joint paper). The invitation
 * is pending until the co-signer's representative accepts it.
 */
export const paperCoSigners = pgTable(
  'paper_co_signers',
  {
    paperId: uuid('paper_id')
      .notNull()
      .references(() => positionPapers.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    invitedById: uuid('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedById: uuid('accepted_by_id').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('paper_co_signers_pk').on(t.paperId, t.organizationId), index('paper_co_signers_org_idx').on(t.organizationId)],
);

/**
 * A co-signing organization's signature of one submitted version, bound to the version's SHA-256.
 * Withdrawn signatures stay, dated; at most one standing signature per version and organization.
 */
export const paperSignatures = pgTable(
  'paper_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => paperVersions.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The SHA-256 of the version signed, as the representative saw it. */
    digest: text('digest').notNull(),
    signedById: uuid('signed_by_id').references(() => users.id, { onDelete: 'set null' }),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnById: uuid('withdrawn_by_id').references(() => users.id, { onDelete: 'set null' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('paper_signatures_standing_unique').on(t.versionId, t.organizationId).where(sql`withdrawn_at is null`),
    index('paper_signatures_org_idx').on(t.organizationId),
  ],
);

export type ConsultationRound = typeof consultationRounds.$inferSelect;
export type PositionPaper = typeof positionPapers.$inferSelect;
export type PaperVersion = typeof paperVersions.$inferSelect;

/** Where a thread lives: a passage of a draft, a submitted version, or a round's discussion. */
export const threadScope = pgEnum('thread_scope', ['draft', 'version', 'round']);

/** A comment thread. Draft threads are anchored to a passage by Yjs relative positions. */
export const commentThreads = pgTable(
  'comment_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scope: threadScope('scope').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => consultationRounds.id, { onDelete: 'cascade' }),
    paperId: uuid('paper_id').references(() => positionPapers.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id').references(() => paperVersions.id, { onDelete: 'cascade' }),
    /** Round discussions: the question the thread is about. */
    title: text('title'),
    /** The passage the thread was opened on, as it read then (kept when the passage goes). */
    quote: text('quote'),
    /** Yjs relative positions of the passage's start and end in the paper's shared document. */
    anchorStart: bytea('anchor_start'),
    anchorEnd: bytea('anchor_end'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedById: uuid('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('comment_threads_paper_idx').on(t.paperId, t.scope, t.createdAt),
    index('comment_threads_round_idx').on(t.roundId, t.scope, t.lastActivityAt),
    index('comment_threads_version_idx').on(t.versionId, t.createdAt),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => commentThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * The author's organization when they wrote it (none for IOM staff). The participation record
     * counts the comment there, even after the author moves on or their account is removed.
     */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** Plain text; mentions written @[Name]. Never HTML: rendered as text nodes. */
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** A deleted comment keeps its place in the thread as a tombstone, without its text. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenById: uuid('hidden_by_id').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
  },
  (t) => [
    index('comments_thread_idx').on(t.threadId, t.createdAt, t.id),
    // The moderation queue's "hidden lately", and the record's comments per organization.
    index('comments_hidden_idx').on(t.hiddenAt).where(sql`hidden_at is not null`),
    index('comments_organization_idx').on(t.organizationId),
  ],
);

export const commentMentions = pgTable(
  'comment_mentions',
  {
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('comment_mentions_pk').on(t.commentId, t.userId)],
);

/** When a person last read a thread: what came after is unread. */
export const threadReads = pgTable(
  'thread_reads',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => commentThreads.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('thread_reads_pk').on(t.userId, t.threadId)],
);

export const commentReports = pgTable(
  'comment_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    /** Set when a moderator hid the comment or dismissed the report. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedById: uuid('closed_by_id').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome'),
  },
  // One open report per person and comment; after a decision, the same person may report again.
  (t) => [index('comment_reports_open_idx').on(t.closedAt, t.createdAt), uniqueIndex('comment_reports_once').on(t.commentId, t.reporterId).where(sql`closed_at is null`)],
);

export const notificationKind = pgEnum('notification_kind', ['mention', 'reply', 'paper-comment', 'phase-change', 'invitation', 'comment-hidden', 'summary-published', 'co-signing', 'reminder']);

/** A person's inbox. `payload` carries what the message needs (names, titles, an excerpt). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull().default({}),
    /** Where the notification leads, an app path. */
    link: text('link').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set once it went out in a daily digest (or was not to be mailed). */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unmailed_idx').on(t.mailedAt, t.userId),
    // A deleted or hidden comment's words are wiped from the notifications that quoted it.
    index('notifications_comment_idx').on(sql`(${t.payload} ->> 'commentId')`),
  ],
);

/** What a person wants to hear about, in the app and in the daily digest. */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** { mention: 'app-and-digest' | 'app' | 'off', … }; kinds not listed take the default. */
  preferences: jsonb('preferences').$type<Record<string, string>>().notNull().default({}),
  lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
});

export type CommentThread = typeof commentThreads.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type Notification = typeof notifications.$inferSelect;

export const sessionStatus = pgEnum('session_status', ['scheduled', 'open', 'closed']);
export const floorKind = pgEnum('floor_kind', ['intervention', 'reply', 'point-of-order']);
export const floorStatus = pgEnum('floor_status', ['pending', 'speaking', 'done', 'removed', 'withdrawn']);

/** A live consultation session of a round: agenda, list of speakers, attendance. */
export const consultationSessions = pgTable(
  'consultation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => consultationRounds.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** The time given to each intervention unless the facilitator gives more. */
    speakingSeconds: integer('speaking_seconds').notNull().default(180),
    status: sessionStatus('status').notNull().default('scheduled'),
    currentItemId: uuid('current_item_id'),
    /** Who of the invited organizations may attend: all their members, or their representatives. */
    attendees: text('attendees', { enum: ['members', 'representatives'] }).notNull().default('members'),
    /** More than one pending request per organization and item. */
    allowMultipleRequests: boolean('allow_multiple_requests').notNull().default(false),
    /** Set while a roll call is open. */
    rollCallAt: timestamp('roll_call_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Counts moves of the start: the calendar's SEQUENCE, so calendars replace the old time. */
    sequence: integer('sequence').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consultation_sessions_round_idx').on(t.roundId, t.startsAt)],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => consultationSessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** Papers the item is about. */
    paperIds: uuid('paper_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [uniqueIndex('agenda_items_position').on(t.sessionId, t.position)],
);

/** Each join and leave of a person, as the server saw it. */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => consultationSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    index('session_attendance_session_idx').on(t.sessionId, t.userId),
    uniqueIndex('session_attendance_open_once').on(t.sessionId, t.userId).where(sql`left_at is null`),
  ],
);

/** A request for the floor on an agenda item; the list of speakers is the pending ones in order. */
export const floorRequests = pgTable(
  'floor_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => consultationSessions.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    kind: floorKind('kind').notNull(),
    status: floorStatus('status').notNull().default('pending'),
    /** The order of the list; a point of order is placed before every other kind. */
    rank: integer('rank').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('floor_requests_list_idx').on(t.sessionId, t.agendaItemId, t.status, t.rank)],
);

/** Who spoke, for which organization, on which item, when, for how long. */
export const interventions = pgTable(
  'interventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => consultationSessions.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').references(() => floorRequests.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    kind: floorKind('kind').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** The time given, extensions included. */
    allowedSeconds: integer('allowed_seconds').notNull(),
    /** A written statement attached to the intervention: a short text, or a submitted paper version. */
    statement: text('statement'),
    statementVersionId: uuid('statement_version_id').references(() => paperVersions.id, { onDelete: 'set null' }),
  },
  (t) => [index('interventions_session_idx').on(t.sessionId, t.startedAt)],
);

/** The organizations that answered a roll call. */
export const rollCallAnswers = pgTable(
  'roll_call_answers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => consultationSessions.id, { onDelete: 'cascade' }),
    rollCallAt: timestamp('roll_call_at', { withTimezone: true }).notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roll_call_answers_once').on(t.sessionId, t.rollCallAt, t.organizationId)],
);

export type ConsultationSession = typeof consultationSessions.$inferSelect;
export type FloorRequest = typeof floorRequests.$inferSelect;
export type Intervention = typeof interventions.$inferSelect;

/** A meeting held outside the platform (an IOM Council session, an IDM workshop) whose attendance the secretariat records. */
export const externalMeetings = pgTable(
  'external_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => consultationRounds.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['council-session', 'idm-workshop', 'other'] }).notNull(),
    heldOn: date('held_on').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('external_meetings_round_idx').on(t.roundId, t.heldOn)],
);

/** One person of an organization present at a meeting held elsewhere. */
export const externalAttendances = pgTable(
  'external_attendances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => externalMeetings.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    personName: text('person_name').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('external_attendances_once').on(t.meetingId, t.organizationId, sql`lower(${t.personName})`)],
);

/**
 * The secretariat's annotations and corrections of a participation figure. The derived figure is
 * never overwritten: the record shows the latest correction beside it, and every one is kept.
 */
export const participationCorrections = pgTable(
  'participation_corrections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => consultationRounds.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Which figure (domain/participation/record.ts); an annotation names the figure it is about. */
    figure: text('figure').notNull(),
    /** The corrected value; null for an annotation that changes nothing. */
    value: integer('value'),
    note: text('note').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('participation_corrections_idx').on(t.roundId, t.organizationId, t.figure, t.id)],
);

/** A published, fixed version of a round's summary. */
export const summaryVersions = pgTable(
  'summary_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => consultationRounds.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: jsonb('content').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    publishedById: uuid('published_by_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** "Reviewed by N of M cited organizations", fixed at publication; null when there was no review. */
    reviewedBy: integer('reviewed_by'),
    citedOrganizations: integer('cited_organizations'),
  },
  (t) => [uniqueIndex('summary_versions_number_unique').on(t.roundId, t.number)],
);

/** A summary put "in review": the cited organizations check how they are quoted until the deadline. */
export const summaryReviews = pgTable('summary_reviews', {
  roundId: uuid('round_id')
    .primaryKey()
    .references(() => consultationRounds.id, { onDelete: 'cascade' }),
  deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  startedById: uuid('started_by_id').references(() => users.id, { onDelete: 'set null' }),
  startedAt: createdAt(),
});

/**
 * A passage of the summary that cites an organization, as it stood when the review began (or
 * when the secretariat accepted a correction): what the organization is asked to check.
 */
export const summaryReviewPassages = pgTable(
  'summary_review_passages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => consultationRounds.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The passage's number in the summary (domain/summary/passages.ts). */
    passage: integer('passage').notNull(),
    text: text('text').notNull(),
    /** The paragraphs of the organization's submitted versions the passage cites. */
    cites: jsonb('cites').$type<{ versionId: string; versionNumber: number; paragraph: number }[]>().notNull(),
  },
  (t) => [uniqueIndex('summary_review_passages_unique').on(t.roundId, t.organizationId, t.passage)],
);

export const reviewAnswerKind = pgEnum('review_answer_kind', ['agree', 'correction']);
export const reviewResponseKind = pgEnum('review_response_kind', ['accepted', 'kept']);

/** An organization's answer on one passage, and the secretariat's response to it. */
export const summaryReviewAnswers = pgTable('summary_review_answers', {
  passageId: uuid('passage_id')
    .primaryKey()
    .references(() => summaryReviewPassages.id, { onDelete: 'cascade' }),
  answer: reviewAnswerKind('answer').notNull(),
  proposedText: text('proposed_text'),
  reason: text('reason'),
  answeredById: uuid('answered_by_id').references(() => users.id, { onDelete: 'set null' }),
  answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  response: reviewResponseKind('response'),
  reply: text('reply'),
  respondedById: uuid('responded_by_id').references(() => users.id, { onDelete: 'set null' }),
  respondedAt: timestamp('responded_at', { withTimezone: true }),
});

export type ExternalMeeting = typeof externalMeetings.$inferSelect;
export type SummaryVersion = typeof summaryVersions.$inferSelect;

/**
 * Time present per organization in a closed session, written when the session closes (its
 * attendance never changes after): the participation record reads these instead of merging
 * every join and leave again. Sessions without rows here are computed from the attendance.
 */
export const sessionPresence = pgTable(
  'session_presence',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => consultationSessions.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    seconds: doublePrecision('seconds').notNull(),
  },
  (t) => [uniqueIndex('session_presence_pk').on(t.sessionId, t.organizationId), index('session_presence_org_idx').on(t.organizationId)],
);

/**
 * A round made public: its pages under /public, with the participation figures as they were
 * published (a snapshot, updated only when IOM publishes them again).
 */
export const publicRecords = pgTable('public_records', {
  roundId: uuid('round_id')
    .primaryKey()
    .references(() => consultationRounds.id, { onDelete: 'cascade' }),
  participation: jsonb('participation').notNull(),
  publishedById: uuid('published_by_id').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A person's private calendar feed: only the SHA-256 of its token is kept; deleting the row revokes it. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_unique').on(t.tokenHash)],
);

export const reminderKind = pgEnum('reminder_kind', ['deadline', 'session', 'facilitator']);

/**
 * One reminder to one person. `reminder_key` names the occasion (a deadline at an instant and so
 * many days before, a session at its start, a facilitator's sending); the unique key with the
 * person makes queuing it twice a no-op. A sender claims a row (`claim_token`, `claimed_at`)
 * before it writes the mail, so two senders never both send it.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reminderKey: text('reminder_key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => consultationRounds.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    sessionId: uuid('session_id').references(() => consultationSessions.id, { onDelete: 'cascade' }),
    kind: reminderKind('kind').notNull(),
    /** Days before the deadline or session (automatic reminders). */
    daysBefore: integer('days_before'),
    /** The facilitator's own words (their reminders). */
    note: text('note'),
    sentById: uuid('sent_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    claimToken: text('claim_token'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    mailId: uuid('mail_id').references(() => mailOutbox.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('reminders_once').on(t.reminderKey, t.userId),
    index('reminders_unsent_idx').on(t.createdAt).where(sql`sent_at is null`),
    index('reminders_round_idx').on(t.roundId, t.organizationId),
  ],
);
export type Reminder = typeof reminders.$inferSelect;
