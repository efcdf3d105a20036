import { Fragment, type ReactNode } from 'react';

/**
 * Renders each item of a read-only document (its blocks, the words of a diff). These have no identity but
 * their place, and the list is never reordered on screen, so the position is the right React key.
 */
export function each<T>(items: readonly T[], render: (item: T, index: number) => ReactNode): ReactNode[] {
  // biome-ignore lint/suspicious/noArrayIndexKey: the place is the identity (see above).
  return items.map((item, i) => <Fragment key={i}>{render(item, i)}</Fragment>);
}
