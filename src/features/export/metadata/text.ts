// Metadata written as text: XMP packets (in JPEG, PNG, WebP and MP4 alike), IPTC records, PNG text
// keywords and QuickTime metadata keys. We look for the names of properties, never parse values:
// a false alarm only means a copy is offered, while a miss would send her location to court.
import type { Findings } from './bytes';
import type { MetadataFinding } from './types';

const XMP_PATTERNS: ReadonlyArray<[RegExp, MetadataFinding]> = [
  // exif:GPSLatitude, drone-dji:GpsLatitude, Iptc4xmpExt:LocationShown, photoshop:City …
  [/gps|latitude|longitude|location(?:created|shown)|iptc4xmpcore:location|photoshop:(?:city|state|country)|iptc4xmpext:(?:city|sublocation)/i, 'location'],
  [/tiff:(?:make|model)|aux:(?:serialnumber|lens)|exifex:(?:bodyserialnumber|lens)|:cameraserial/i, 'device'],
  [/xmp:creatortool|tiff:software|pdf:producer/i, 'software'],
  [/dc:creator|dc:rights|photoshop:author|xmprights:owner|iptc4xmpcore:creatorcontactinfo/i, 'author'],
  [/xmp:(?:createdate|modifydate|metadatadate)|exif:datetime|photoshop:datecreated/i, 'timestamp'],
];

/** Reads an XMP packet (or any XML-ish metadata text); always 'other' too, since we remove it. */
export function readXmp(text: string, findings: Findings): void {
  findings.add('other');
  for (const [pattern, finding] of XMP_PATTERNS) if (pattern.test(text)) findings.add(finding);
}

/** IPTC-IIM datasets (0x1C, record 2, dataset) inside a Photoshop APP13 or similar block. */
export function readIptc(block: Uint8Array, findings: Findings): void {
  findings.add('other');
  for (let i = 0; i + 2 < block.length; i++) {
    if (block[i] !== 0x1c || block[i + 1] !== 0x02) continue;
    const dataset = block[i + 2]!;
    // 90 City, 92 Sub-location, 95 Province/State, 100/101 Country, 26 Location code/name.
    if ([26, 27, 90, 92, 95, 100, 101].includes(dataset)) findings.add('location');
    else if ([80, 116, 118].includes(dataset)) findings.add('author'); // By-line, Copyright, Contact
    else if ([55, 60, 62, 63].includes(dataset)) findings.add('timestamp');
    else if ([65].includes(dataset)) findings.add('software'); // Originating Program
  }
}

const KEY_PATTERNS: ReadonlyArray<[RegExp, MetadataFinding]> = [
  [/gps|location|latitude|longitude|iso6709|xyz/i, 'location'],
  [/make|model|serial|camera|device|lens/i, 'device'],
  [/software|encoder|creator.?tool|tool/i, 'software'],
  [/author|artist|creator|copyright|owner/i, 'author'],
  [/date|time|creation/i, 'timestamp'],
];

/** A metadata name or key (PNG text keyword, QuickTime key) classified by what it names. */
export function classifyKey(key: string): MetadataFinding {
  for (const [pattern, finding] of KEY_PATTERNS) if (pattern.test(key)) return finding;
  return 'other';
}
