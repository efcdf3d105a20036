import { Alert } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** The notice a navigation carries: `navigate(to, { state: { notice } })`. */
const noticeOf = (state: unknown): string | null =>
  state && typeof state === 'object' && 'notice' in state && typeof state.notice === 'string'
    ? state.notice
    : null;

/**
 * What a page says about what was just done ("Aremark er opprettet."): `text` for something done on the
 * page itself, or with `fromNavigation` the notice the navigation to the page carried. That notice is taken
 * out of the history entry at once (the browser keeps history state across a reload), so a reload or going
 * back later does not say it again. Only one notice on a page should take it.
 */
export function Notice({ text, fromNavigation = false }: { text?: string | null; fromNavigation?: boolean }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [carried, setCarried] = useState(() => (fromNavigation ? noticeOf(location.state) : null));
  useEffect(() => {
    const incoming = fromNavigation ? noticeOf(location.state) : null;
    if (!incoming) return;
    setCarried(incoming);
    navigate(location.pathname + location.search + location.hash, { replace: true, state: null });
  }, [fromNavigation, location, navigate]);
  const message = text ?? carried;
  if (!message) return null;
  return (
    <Alert data-color="success" role="status">
      {message}
    </Alert>
  );
}
