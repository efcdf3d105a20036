/**
 * Politisk behandling: the routes the app mounts (PoliticalRoutes under /politisk), and the contracts'
 * addresses of a body and a case (bodyPath, casePath: the calendar feed links to a body) sent to their pages.
 * Nothing else is shared with other features yet.
 */
export { BodyAddress, CaseAddress, PoliticalRoutes } from './PoliticalRoutes';
