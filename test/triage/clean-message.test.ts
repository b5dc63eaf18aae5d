import { describe, expect, it } from 'vitest';
import { cleanMessage } from '../../connector/src/triage/text/clean-message.js';

describe('cleanMessage', () => {
  it('cuts a Gmail-style quoted reply and everything after it', () => {
    const raw = 'Still no package.\n\nOn Mon, Mar 3, 2025 at 9:14 AM Acme Support <help@acme.com> wrote:\n> Your refund was processed.\n> Thanks';
    expect(cleanMessage(raw)).toBe('Still no package.');
  });

  it('cuts a quote header wrapped over two lines', () => {
    const raw = 'Works now, thanks\n\nOn Mon, Mar 3, 2025 at 9:14 AM Acme Support <help@acme.com>\nwrote:\n> Try clearing the cache';
    expect(cleanMessage(raw)).toBe('Works now, thanks');
  });

  it('drops lines quoted with ">" even without a header', () => {
    expect(cleanMessage('> cancel everything\nJust the order status please')).toBe('Just the order status please');
  });

  it('cuts an Outlook header block but keeps a "From:" line that is part of the message', () => {
    const outlook = 'See below\n\nFrom: Acme Support <help@acme.com>\nSent: Monday, March 3, 2025 9:14 AM\nTo: me\nSubject: Refund';
    expect(cleanMessage(outlook)).toBe('See below');
    expect(cleanMessage('From: the app, the export button is grey')).toBe('From: the app, the export button is grey');
  });

  it('removes softer sign-offs too ("Appreciate it,", "Have a good day!"), with a short PS after them', () => {
    const raw = 'How do I add the price to the barcode label?\n\nThanks!\n\nAppreciate it,\nC\n\nPS - sorry if this should have gone to a different address.';
    expect(cleanMessage(raw)).toBe('How do I add the price to the barcode label?\n\nThanks!');
    expect(cleanMessage('Where is order 5512?\nHave a good day!\nTom')).toBe('Where is order 5512?');
    // Not a sign-off when the line goes on with a request.
    expect(cleanMessage('Hi\nHave a good day, my order 5512 never came')).toBe('Hi\nHave a good day, my order 5512 never came');
    expect(cleanMessage('Hi\nI really appreciate it if you could refund me')).toBe('Hi\nI really appreciate it if you could refund me');
  });

  it('removes a sign-off with the name and title under it', () => {
    const raw = 'The export button does nothing on Safari.\n\nKind regards,\nMaria Lopez\nHead of Operations\n+44 20 7946 0958';
    expect(cleanMessage(raw)).toBe('The export button does nothing on Safari.');
  });

  it('keeps "Thanks" when it is part of a sentence', () => {
    expect(cleanMessage('Hi,\nThanks for the quick answer but the link has expired again.')).toBe(
      'Hi,\nThanks for the quick answer but the link has expired again.',
    );
  });

  it('removes a "-- " signature and device footers', () => {
    expect(cleanMessage('Where is my order?\n-- \nJohn\nACME Ltd')).toBe('Where is my order?');
    expect(cleanMessage('Where is my order?\n\nSent from my iPhone')).toBe('Where is my order?');
  });

  it('removes a legal disclaimer that would otherwise look like a legal threat', () => {
    const raw =
      'Please reset my password.\n\nCONFIDENTIALITY NOTICE: This e-mail is intended only for the addressee. If you are not the intended recipient, legal action may follow.';
    expect(cleanMessage(raw)).toBe('Please reset my password.');
  });

  it('returns an empty string when only quoted history is left', () => {
    expect(cleanMessage('On Tue, Jan 7, 2025, Support wrote:\n> hello')).toBe('');
  });
});
