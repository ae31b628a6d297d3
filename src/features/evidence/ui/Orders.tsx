// Her orders and bail conditions: each with whether it is still in force and what a breach means.
import { t } from '../../../platform/i18n';
import { Screen } from '../../../shared/ui';
import { describeError } from '../../secrets';
import { ORDER_KINDS } from '../domain/orders';
import { isExpired, useOrders } from '../state';
import { nowMoment } from '../time';
import { formatDate } from './format';
import type { EvidenceNav } from './nav';
import { orderTitle } from './orderText';

export function Orders({ nav }: { nav: EvidenceNav }) {
  const orders = useOrders();
  const today = nowMoment().slice(0, 10);
  return (
    <Screen title={t('evidence:orders.title')} back={{ label: t('common:home'), onBack: nav.home }}>
      <p>{t('evidence:orders.intro')}</p>
      {orders.state === 'failed' && <p class="error-box">{describeError(orders.error)}</p>}
      {orders.state === 'ready' && orders.value.length === 0 && <p class="hint">{t('evidence:orders.none')}</p>}
      {orders.state === 'ready' && (
        <ul class="menu">
          {orders.value.map((item) =>
            item.damaged ? (
              <li key={item.id}>
                <p class="error-box">{t('common:errors.damaged')}</p>
              </li>
            ) : (
              <li key={item.id}>
                <button type="button" class="menu-item" onClick={() => nav.order(item.id)}>
                  <span class="menu-title">{orderTitle(item.value)}</span>
                  <span class={isExpired(item.value, today) ? 'badge expired' : 'badge'}>{isExpired(item.value, today) ? t('evidence:orders.expired') : t('evidence:orders.current')}</span>
                  <span class="hint">
                    {[
                      item.value.from ? t('evidence:orders.from', { date: formatDate(item.value.from) }) : '',
                      item.value.untilFurtherOrder ? t('evidence:orders.untilFurtherOrder') : item.value.until ? t('evidence:orders.until', { date: formatDate(item.value.until) }) : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  </span>
                  <span class="hint">{t(`evidence:orders.breach.${ORDER_KINDS[item.value.kind].breach}`)}</span>
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <button type="button" class="primary" onClick={() => nav.order()}>
        {t('evidence:orders.add')}
      </button>
    </Screen>
  );
}
