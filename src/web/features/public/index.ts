/**
 * The public pages: the addresses isPublicPath knows (the app mounts PublicRoutes there before anything asks
 * who is signed in, loading PublicRoutes.tsx as a script of its own when first visited), and the front page's
 * address (publicRoot) for the sign-in page's link.
 */
export { isPublicPath, publicRoot } from './public-paths';
