import { describe, expect, it } from 'vitest';
import { describeMailError, secretsOf } from './mail-transport.js';

const url = 'smtp://post%40viken.no:S%C3%A6kret%2Fpass@smtp.viken.no:587';
const password = 'Sækret/pass';

describe('describing a mail error', () => {
  it('keeps the code and the server’s answer', () => {
    const error = Object.assign(new Error('Message failed: 554 5.7.1 Rejected by policy'), {
      code: 'EMESSAGE',
    });
    expect(describeMailError(error, secretsOf(url))).toBe(
      'EMESSAGE: Message failed: 554 5.7.1 Rejected by policy',
    );
  });

  it('replaces the password and user of MAIL_URL, as typed, decoded and as AUTH sends them', () => {
    const plain = Buffer.from(`\0post@viken.no\0${password}`).toString('base64');
    const login = Buffer.from(password).toString('base64');
    const error = new Error(
      `535 failed for post@viken.no with ${password} (${encodeURIComponent(password)}); AUTH PLAIN ${plain}; LOGIN ${login}; url ${url}`,
    );
    const described = describeMailError(error, secretsOf(url));
    for (const secret of [password, encodeURIComponent(password), 'post@viken.no', plain, login, url]) {
      expect(described).not.toContain(secret);
    }
    expect(described).toContain('535 failed for ***');
  });

  it('keeps one line of at most 500 characters', () => {
    const described = describeMailError(new Error(`line one\r\nline two ${'x'.repeat(600)}`), []);
    expect(described).not.toMatch(/[\r\n]/);
    expect(described.length).toBe(500);
    expect(described.startsWith('line one line two')).toBe(true);
  });

  it('describes what is not an Error', () => {
    expect(describeMailError('connection reset', [])).toBe('connection reset');
  });
});
