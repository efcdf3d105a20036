import { Alert } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

const noticeOf = (state: unknown): string | null =>
  state && typeof state === 'object' && 'notice' in state && typeof state.notice === 'string'
    ? state.notice
    : null;

/**
 * What a page reached by saving says about it ("Brukeren Kari Nordmann er opprettet."). The message travels
 * in the navigation's state and is taken out of the history entry at once, so a reload or going back later
 * does not say it again.
 */
export function Notice({ text }: { text?: string | null }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [fromNavigation] = useState(() => noticeOf(location.state));
  useEffect(() => {
    if (noticeOf(location.state))
      navigate(location.pathname + location.search, { replace: true, state: null });
  }, [location, navigate]);
  const message = text ?? fromNavigation;
  if (!message) return null;
  return (
    <Alert data-color="success" role="status">
      {message}
    </Alert>
  );
}
