import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { MailOutcome } from '../../../shared/contracts/mail';

/**
 * What became of the e-mail an action asked for, as its answer said (`MailOutcome`), and whom it could not
 * reach at all (e.g. the invited regions without a contact), by name.
 */
export type MailReport = { outcome: MailOutcome; unreached?: readonly string[] };

/** The notice a navigation carries: `navigate(to, { state: { notice, mail } })`. */
export type NoticeState = { notice: string; mail?: MailReport };

const noticeOf = (state: unknown): NoticeState | null =>
  state && typeof state === 'object' && 'notice' in state && typeof state.notice === 'string'
    ? { notice: state.notice, mail: 'mail' in state ? (state.mail as MailReport | undefined) : undefined }
    : null;

/**
 * What a page says about what was just done ("Aremark er opprettet."): `text` for something done on the
 * page itself, or with `fromNavigation` the notice the navigation to the page carried. That notice is taken
 * out of the history entry at once (the browser keeps history state across a reload), so a reload or going
 * back later does not say it again. Only one notice on a page should take it. With `mail` (or a carried
 * one) it also says what became of the e-mail, truthfully: kept in the outbox (no mail server), or waiting
 * to be sent; `outbox` adds a link to the outbox (for the admin, who may read it).
 *
 * A new notice is scrolled into view when it is not on the screen: on a phone the form that was sent (a
 * dialog, or a long page) is often far below the notice at the top, and the confirmation would go unseen.
 * The focus stays where the person left it (the button that opened the dialog): the notice is a status and
 * is read out without it. The scroll waits a frame, until a closing dialog has given the focus back, since
 * that may scroll the page too.
 */
export function Notice({
  text,
  mail,
  fromNavigation = false,
  outbox = false,
}: {
  text?: string | null;
  mail?: MailReport | null;
  fromNavigation?: boolean;
  outbox?: boolean;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const [carried, setCarried] = useState(() => (fromNavigation ? noticeOf(location.state) : null));
  useEffect(() => {
    const incoming = fromNavigation ? noticeOf(location.state) : null;
    if (!incoming) return;
    setCarried(incoming);
    navigate(location.pathname + location.search + location.hash, { replace: true, state: null });
  }, [fromNavigation, location, navigate]);
  const message = text ?? carried?.notice;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!message) return;
    const frame = requestAnimationFrame(() => {
      const el = box.current;
      if (!el) return;
      const { top, bottom } = el.getBoundingClientRect();
      if (top >= 0 && bottom <= window.innerHeight) return;
      const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    });
    return () => cancelAnimationFrame(frame);
  }, [message]);
  if (!message) return null;
  const report = text ? mail : (carried?.mail ?? mail);
  return (
    <>
      <Alert ref={box} data-color="success" role="status">
        {message}
      </Alert>
      {report && <MailNotice report={report} outbox={outbox} />}
    </>
  );
}

/**
 * The truth about an action's e-mail: how many messages stay in the outbox because e-mail is not set up (a
 * warning), how many wait there to be sent, and who got none.
 */
export function MailNotice({ report, outbox }: { report: MailReport; outbox: boolean }) {
  const { t } = useTranslation();
  const { kept, queued } = report.outcome;
  const unreached = report.unreached ?? [];
  if (kept === 0 && queued === 0 && unreached.length === 0) return null;
  return (
    <Alert data-color={kept > 0 || unreached.length > 0 ? 'warning' : 'info'} className="mail-notice">
      {kept > 0 && <Paragraph>{t('mail.outcome.kept', { count: kept })}</Paragraph>}
      {queued > 0 && <Paragraph>{t('mail.outcome.queued', { count: queued })}</Paragraph>}
      {kept === 0 && queued === 0 && <Paragraph>{t('mail.outcome.none')}</Paragraph>}
      {unreached.length > 0 && (
        <Paragraph>
          {t('mail.outcome.unreached', { count: unreached.length, names: unreached.join(', ') })}
        </Paragraph>
      )}
      {outbox && (kept > 0 || queued > 0) && (
        <Paragraph>
          <Link to={kept > 0 ? '/admin/outbox?status=kept' : '/admin/outbox'}>
            {t('mail.outcome.toOutbox')}
          </Link>
        </Paragraph>
      )}
    </Alert>
  );
}
