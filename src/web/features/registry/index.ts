/**
 * What other features take from the registry: the departments (useDepartments), which a user is bound to,
 * a contribution is owned by and an input is assigned to. One query serves them all, so a change in the
 * registry shows everywhere. And the people, searched by name, whom a meeting's participants and its
 * actions' owners are chosen from (usePeople).
 */
export { useDepartments } from './departments.api';
export { usePeople } from './people.api';
