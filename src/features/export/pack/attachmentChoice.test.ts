import { describe, expect, it } from 'vitest';
import type { MetadataReport } from '../metadata';
import { choicesFor, decide, defaultChoice, flagOf } from './attachmentChoice';

const plan = { edits: [], removed: [], outputSize: 10 };
const report = (over: Partial<MetadataReport>): MetadataReport => ({ format: 'jpeg', findings: [], strip: plan, unknown: false, ...over });

describe('flagging attachments for the review', () => {
  it('flags location and device details, with a copy by default', () => {
    const flag = flagOf(report({ findings: ['location', 'device', 'timestamp'] }));
    expect(flag).toEqual({ findings: ['location', 'device'], unreadable: false, canCopy: true });
    expect(defaultChoice(flag!)).toBe('copy');
    expect(choicesFor(flag!)).toEqual(['copy', 'original', 'leave_out']);
  });

  it('does not flag a file with nothing to say, or only times and software', () => {
    expect(flagOf(report({}))).toBeNull();
    expect(flagOf(report({ findings: ['timestamp', 'software'] }))).toBeNull();
    expect(flagOf(report({ format: 'other', strip: null }))).toBeNull();
    expect(decide(null, undefined)).toBe('original');
  });

  it('flags a HEIC photo (unreadable, findings []) and leaves it out by default', () => {
    const flag = flagOf({ format: 'heic', findings: [], strip: null, unknown: true });
    expect(flag).toEqual({ findings: [], unreadable: true, canCopy: false });
    expect(decide(flag, undefined)).toBe('leave_out');
    expect(decide(flag, 'original')).toBe('original');
  });

  it('flags TIFF/raw, a damaged Exif block, a motion photo and a video with a GPS track', () => {
    expect(flagOf({ format: 'other', findings: [], strip: null, unknown: true })?.unreadable).toBe(true);
    expect(flagOf(report({ findings: ['other'], unknown: true }))).toEqual({ findings: [], unreadable: true, canCopy: true });
    expect(flagOf(report({ findings: ['other'] }))).toEqual({ findings: [], unreadable: true, canCopy: true });
    expect(flagOf({ format: 'mp4', findings: ['location'], strip: null, unknown: true })).toEqual({ findings: ['location'], unreadable: true, canCopy: false });
  });

  it('offers leaving out for every flagged file, and never a copy without a plan', () => {
    const noCopy = flagOf({ format: 'mp4', findings: ['location'], strip: null, unknown: false })!;
    expect(choicesFor(noCopy)).toEqual(['leave_out', 'original']);
    expect(defaultChoice(noCopy)).toBe('leave_out');
    // A stale or forged 'copy' choice for a file with no plan leaves it out rather than sending the original.
    expect(decide(noCopy, 'copy')).toBe('leave_out');
    const withCopy = flagOf(report({ findings: ['device'] }))!;
    expect(decide(withCopy, 'leave_out')).toBe('leave_out');
    expect(decide(withCopy, 'original')).toBe('original');
    expect(decide(withCopy, undefined)).toBe('copy');
  });
});
