/**
 * Every registry query starts with this key. A change anywhere in the registry reads all of it again:
 * the data is small, and a region's members name municipalities, so a narrower rule would miss cases.
 */
export const registryKey = ['registry'] as const;
