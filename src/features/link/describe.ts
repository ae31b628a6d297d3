// Turns a failure while linking into a sentence she can act on, in her language; never a code.
import { t } from '../../platform/i18n';
import { isLinkError } from '../../platform/vault';
import { isLinkFormatError } from '../../shared/protocol/link';
import { describeError } from '../secrets';
import { LinkFlowError } from './errors';
import { RelayCallError } from './relayPort';

/** The message for a failed link attempt; null when she stopped it herself. */
export function describeLinkError(error: unknown): string | null {
  if (isLinkFormatError(error)) return t(`link:errors.${error.code}`);
  if (error instanceof LinkFlowError) return error.code === 'aborted' ? null : t(`link:errors.${error.code}`);
  if (error instanceof RelayCallError) {
    switch (error.code) {
      case 'network':
      case 'unknown_invite':
      case 'invite_used':
      case 'invite_expired':
        return t(`link:errors.${error.code}`);
      default:
        return t('link:errors.refused');
    }
  }
  // A signed message from "the advocate" that does not verify: refused whole.
  if (isLinkError(error)) return t('link:errors.intro');
  return describeError(error);
}
