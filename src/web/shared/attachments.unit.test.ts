import { describe, expect, it } from 'vitest';
import { attachmentMaxBytes } from '../../shared/contracts/hearings';
import { formatSize, mediaTypeOf, tooLarge } from './attachments';

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('a chosen attachment', () => {
  it('shows its size as people read it', () => {
    expect(formatSize(512, 'nb')).toBe('512 B');
    expect(formatSize(850_400, 'nb')).toBe('850 kB');
    expect(formatSize(2_345_678, 'nb')).toBe('2,3 MB');
    expect(formatSize(2_345_678, 'en')).toBe('2.3 MB');
  });

  it('is sent as the type the browser says, or else as its name ends', () => {
    expect(mediaTypeOf({ name: 'innspill.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(mediaTypeOf({ name: 'Innspill.DOCX', type: '' })).toBe(docx);
    expect(mediaTypeOf({ name: 'innspill', type: docx })).toBe(docx);
  });

  it('is neither a PDF nor a DOCX by any account when it is something else', () => {
    expect(mediaTypeOf({ name: 'innspill.txt', type: 'text/plain' })).toBeNull();
    expect(mediaTypeOf({ name: 'innspill.doc', type: 'application/msword' })).toBeNull();
  });

  it('is too large above the server limit of 10 MB, not at it', () => {
    expect(tooLarge({ size: attachmentMaxBytes })).toBe(false);
    expect(tooLarge({ size: attachmentMaxBytes + 1 })).toBe(true);
  });
});
