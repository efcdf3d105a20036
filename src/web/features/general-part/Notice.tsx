import { Alert } from '@digdir/designsystemet-react';
import { useLocation } from 'react-router';

/**
 * What a page reached by an action says about it ("Versjon 2 er laget."). The message travels in the
 * navigation's state, so it is not shown again after a reload or in a shared link.
 */
export function Notice({ text }: { text?: string | null }) {
  const location = useLocation();
  const message = text ?? noticeOf(location.state);
  if (!message) return null;
  return (
    <Alert data-color="success" role="status">
      {message}
    </Alert>
  );
}

function noticeOf(state: unknown): string | null {
  if (state && typeof state === 'object' && 'notice' in state && typeof state.notice === 'string')
    return state.notice;
  return null;
}
