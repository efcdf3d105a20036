/**
 * What other features take from the registry: the departments (useDepartments), which a user is bound to,
 * a contribution is owned by and an input is assigned to. One query serves them all, so a change in the
 * registry shows everywhere.
 */
export { useDepartments } from './departments.api';
