/**
 * Every query of this feature starts with this key, so a change to a user reads the lists, the user and the
 * audit log again (each change writes an audit event).
 */
export const adminKey = ['admin'] as const;
