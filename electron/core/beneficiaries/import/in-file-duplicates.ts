import { duplicateReasons, personKey, type PersonKey } from '../duplicates';
import { phoneticCodes } from '../text-normalization';
import type { RowIdentity } from './map-row';

/**
 * Rows of one file that look like the same person: the same phone (E.164), or similar names with
 * the same birth year. Names are only compared within a block (birth year and the first letter of
 * the last name's sound), so 20,000 rows do not mean 200 million comparisons.
 */
export class InFileDuplicates {
  private readonly byPhone = new Map<string, number>();
  /** Each row with its names read once (their forms and sounds), not again at every comparison. */
  private readonly byBlock = new Map<string, { row: number; key: PersonKey }[]>();

  /** The earlier rows this one looks like; then remembers it. */
  check(row: number, identity: RowIdentity): number[] {
    const found = new Set<number>();
    for (const phone of identity.phones) {
      const earlier = this.byPhone.get(phone);
      if (earlier !== undefined) found.add(earlier);
    }
    const block = this.blockOf(identity);
    for (const phone of identity.phones) if (!this.byPhone.has(phone)) this.byPhone.set(phone, row);
    if (block) {
      const peers = this.byBlock.get(block) ?? [];
      const key = personKey(identity);
      for (const peer of peers) if (duplicateReasons(key, peer.key) !== null) found.add(peer.row);
      peers.push({ row, key });
      this.byBlock.set(block, peers);
    }
    return [...found].sort((a, b) => a - b);
  }

  private blockOf(identity: RowIdentity): string | null {
    const sound = phoneticCodes(identity.lastName)[0];
    return identity.firstName && sound ? `${identity.birthYear}:${sound.charAt(0)}` : null;
  }
}
