import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';
import { benchPassword, uid } from './dataset.js';

/**
 * A calendar feed of 500 meetings (issue "Process and meetings", item 3): region 1's agreement in the
 * national cycle (bench/dataset-matrix.ts) gets 500 more meetings of the types a region contact reads,
 * each with six participants with e-mail addresses, so its contact's personal feed holds them and the few
 * bench/dataset-overview.ts gave it. The admin sees every meeting of the dataset (thousands); the budget
 * is the issue's, for a feed of 500.
 */
export const calendarScale = { meetings: 500, participants: 6 } as const;

/** The region contact whose feed is measured (bench/dataset.ts makes one per region). */
export const calendarOwnerEmail = 'region-0001@bench.partnerskap.no';

export async function generateCalendarMeetings(db: Db): Promise<void> {
  const n = (value: number) => sql.raw(String(value));
  const meeting = uid(sql`'calendar-meeting-' || m`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into meetings (id, cycle_id, type, title, starts_at, ends_at, place, video_link,
                            owner_department_id, state, sequence, cancelled_at)
      select ${meeting}, ${uid(sql`'cycle-matrix'`)},
             (array['collaboration', 'bilateral', 'follow_up', 'final'])[1 + m % 4],
             'Møte ' || m || ' om samferdsel, næring og kompetanse',
             date_trunc('hour', now()) + (m - 250) * interval '1 day',
             date_trunc('hour', now()) + (m - 250) * interval '1 day' + interval '2 hours',
             'Rådhuset, møterom ' || (1 + m % 5),
             case when m % 3 = 0 then 'https://video.example.test/moete/' || m end,
             case when m % 4 = 1 then ${uid(sql`'department-' || (1 + m % 7)`)} end,
             case when m % 25 = 0 then 'cancelled' else 'planned' end,
             case when m % 25 = 0 then 2 else m % 3 end,
             case when m % 25 = 0 then now() end
      from generate_series(1, ${n(calendarScale.meetings)}) m`);
    await tx.execute(sql`
      insert into meeting_agreements (meeting_id, cycle_id, agreement_id)
      select ${meeting}, ${uid(sql`'cycle-matrix'`)}, ${uid(sql`'matrix-agreement-1'`)}
      from generate_series(1, ${n(calendarScale.meetings)}) m`);
    await tx.execute(sql`
      insert into meeting_participants (meeting_id, name, organisation, email, side, department_id, position)
      select ${meeting}, 'Deltaker ' || p || ' i møte ' || m, 'Organisasjon ' || p,
             'deltaker-' || p || '-' || m || '@bench.partnerskap.no',
             case when p <= 3 then 'county' when p <= 5 then 'region' else 'municipality' end,
             case when p <= 3 then ${uid(sql`'department-' || (1 + (m + p) % 7)`)} end,
             p - 1
      from generate_series(1, ${n(calendarScale.meetings)}) m
      cross join generate_series(1, ${n(calendarScale.participants)}) p`);
  });
}

/**
 * Signs in as the feed's owner and makes their feed through the API, as a user would: the token exists
 * only in the answer. Returns the feed's path.
 */
export async function calendarFeedPath(origin: string): Promise<string> {
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: calendarOwnerEmail, password: benchPassword }),
  });
  if (login.status !== 200) throw new Error(`signing in as ${calendarOwnerEmail}: HTTP ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('partnerskap_session='));
  if (!cookie) throw new Error('signing in set no partnerskap_session cookie');
  const created = await fetch(`${origin}/api/v1/calendar-feeds`, {
    method: 'POST',
    headers: { cookie, origin },
  });
  if (created.status !== 201) throw new Error(`making the calendar feed: HTTP ${created.status}`);
  return new URL(((await created.json()) as { url: string }).url).pathname;
}
