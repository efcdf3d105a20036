import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { durationText, meetingWhen } from './meeting-format';

// The catalogue key and its parameters stand in for the text.
const t = ((key: string, params?: object) => `${key}:${JSON.stringify(params)}`) as unknown as TFunction;

describe('meetingWhen', () => {
  it('writes the day and the hours in Oslo time, whatever offset the times come with', () => {
    expect(meetingWhen({ startsAt: '2025-03-18T09:00:00Z', endsAt: '2025-03-18T11:30:00Z' }, 'nb')).toBe(
      '18. mars 2025, 10:00–12:30',
    );
    expect(
      meetingWhen({ startsAt: '2025-07-01T09:00:00+02:00', endsAt: '2025-07-02T15:00:00+02:00' }, 'nb'),
    ).toBe('1. juli 2025, 09:00 – 2. juli 2025, 15:00');
  });
});

describe('durationText', () => {
  it('says minutes, hours, or both', () => {
    expect(durationText(45, t)).toBe('meetings.duration.minutes:{"minutes":45}');
    expect(durationText(120, t)).toBe('meetings.duration.hours:{"hours":2}');
    expect(durationText(90, t)).toBe('meetings.duration.hoursMinutes:{"hours":1,"minutes":30}');
  });
});
