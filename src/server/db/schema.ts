// The whole schema, for Drizzle's typed queries and drizzle-kit's migrations.
export * from '../agreement-archive/agreement-archive.table.js';
export * from '../agreements/agreement.table.js';
export * from '../audit/audit.table.js';
export * from '../bodies/body.table.js';
export * from '../auth/session.table.js';
export * from '../calendar/calendar-feed.table.js';
export * from '../cases/case.table.js';
export * from '../contributions/contribution.table.js';
export * from '../general-part/general-part.table.js';
export * from '../hearings/hearing.table.js';
export * from '../jobs/job.table.js';
export * from '../mail/mail.table.js';
export * from '../meetings/meeting.table.js';
export * from '../milestones/milestone.table.js';
export * from '../registry/registry.table.js';
export * from '../special-part/special-part.table.js';
export * from '../users/user.table.js';
