// Choosing the conditions an entry breaks, grouped by order. Only orders in force on the entry's
// day are offered: a breach logged today cannot break an order that ended last month, but one
// written up now about last month can. A condition already linked always stays visible.
import { useId } from 'preact/hooks';
import type { ConditionRef, Order } from '../schema';
import { type OrderItem, isExpired } from '../state';
import { orderTitle } from './orderText';

export interface ConditionPickerProps {
  legend: string;
  orders: readonly OrderItem[];
  value: readonly ConditionRef[];
  onChange: (next: ConditionRef[]) => void;
  /** The entry's day (YYYY-MM-DD), or today's when its time cannot be read yet. */
  on: string;
}

const inForceOn = (order: Order, day: string) => !isExpired(order, day) && (!order.from || order.from <= day);

const same = (a: ConditionRef, b: ConditionRef) => a.orderId === b.orderId && a.conditionId === b.conditionId;

export function ConditionPicker({ legend, orders, value, onChange, on }: ConditionPickerProps) {
  const id = useId();
  const shown = orders.flatMap((o) => (o.damaged ? [] : [{ id: o.id, order: o.value }])).filter(({ id: orderId, order }) => inForceOn(order, on) || value.some((v) => v.orderId === orderId));
  if (shown.length === 0) return null;
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {shown.map(({ id: orderId, order }) => (
        <div key={orderId} class="condition-group" role="group" aria-labelledby={`${id}-${orderId}`}>
          <p class="condition-order" id={`${id}-${orderId}`}>
            {orderTitle(order)}
          </p>
          {order.conditions.map((condition) => {
            const ref = { orderId, conditionId: condition.id };
            const checked = value.some((v) => same(v, ref));
            return (
              <label class="choice-option" key={condition.id}>
                <input type="checkbox" checked={checked} onChange={() => onChange(checked ? value.filter((v) => !same(v, ref)) : [...value, ref])} />
                <span class="choice-text">{condition.text}</span>
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
