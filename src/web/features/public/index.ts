/**
 * The public pages: the routes the app mounts before anything asks who is signed in (PublicRoutes, for the
 * addresses isPublicPath knows), and the front page's address (publicRoot) for the sign-in page's link.
 */
export { PublicRoutes } from './PublicRoutes';
export { isPublicPath, publicRoot } from './public-paths';
