// How an order is named on screen.
import { t } from '../../../platform/i18n';
import type { Order } from '../schema';

export function orderTitle(order: Order): string {
  const kind = t(`evidence:orders.kinds.${order.kind}`);
  return order.name.trim() ? `${order.name.trim()} – ${kind}` : kind;
}
