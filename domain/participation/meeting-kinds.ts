/** The kinds of meetings held outside the platform that the secretariat records (the form's choices). */
export const meetingKinds = ['council-session', 'idm-workshop', 'other'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
