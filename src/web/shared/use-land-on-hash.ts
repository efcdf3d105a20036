import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long a landed-on element keeps its mark: long enough to find it, short enough not to linger. */
const markMs = 6000;

const focusable = (el: HTMLElement) =>
  el.matches('a[href], button, input, select, textarea, summary, [tabindex]') && !el.hasAttribute('disabled');

/**
 * A link to one thing on a long page (`#bidrag-<id>`, `#omrade-<id>`, `#innspill-<id>`) lands on it: once
 * the page has drawn it (`ready`), it is scrolled to the middle of the screen, takes the focus, so that the
 * keyboard and a screen reader start there and not at the top, and is marked (`.landed`) for a few seconds
 * so the eye finds it. A browser does this for a page it loads whole; here the content comes after the page,
 * so the browser's own jump finds nothing. Each address lands once: moving on within the page is not undone
 * when the list is drawn again. Only ids starting with one of `prefixes` are landed on.
 */
export function useLandOnHash(prefixes: readonly string[], ready: boolean) {
  const { hash } = useLocation();
  const landed = useRef<string | null>(null);
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!ready || id === '' || landed.current === hash || !prefixes.some((p) => id.startsWith(p))) return;
    const target = document.getElementById(id);
    if (!target) return;
    landed.current = hash;
    if (!focusable(target)) target.setAttribute('tabindex', '-1');
    const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    target.focus({ preventScroll: true });
    target.classList.add('landed');
    window.setTimeout(() => target.classList.remove('landed'), markMs);
  }, [hash, prefixes, ready]);
}
