import { z } from 'zod';
import { safeString } from './common.js';

/** A personal calendar feed as its owner sees it: never its token, which is shown once. */
export const CalendarFeed = z.object({ id: z.string(), createdAt: z.string() });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const CalendarFeedList = z.object({ items: z.array(CalendarFeed) });
export type CalendarFeedList = z.infer<typeof CalendarFeedList>;

/** The answer to creating a feed: its address, with the token, this once only. */
export const CreatedCalendarFeed = CalendarFeed.extend({ url: z.string() });
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;

/** The feed's token in its address; any other text is an unknown feed (404), not a bad request. */
export const CalendarFeedParams = z.object({ token: safeString().max(200) });

/** Where a meeting's single event is downloaded. */
export const meetingCalendarPath = (id: string) => `/api/v1/meetings/${id}/calendar.ics`;
