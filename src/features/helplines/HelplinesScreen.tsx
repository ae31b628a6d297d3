// The directory of services for her region (or another she chooses to look at), filtered by who they
// are for, with her own contacts first. Nothing here is fetched: the directory ships with the app.
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { Screen } from '../../shared/ui';
import { REGIONS, type Region } from '../settings';
import { emergencyFor, servicesFor } from './directory';
import { EmergencyCall } from './EmergencyCall';
import { type NeedFilter, filterServices } from './filter';
import { NEEDS } from './schema';
import { Contacts } from './ui/Contacts';
import { EmergencyDetails } from './ui/EmergencyDetails';
import { ServiceCard } from './ui/ServiceCard';
import './helplines.css';

export interface HelplinesScreenProps {
  region: Region;
  onHome: () => void;
}

const FILTERS: readonly NeedFilter[] = ['all', 'mine', ...NEEDS];

export function HelplinesScreen({ region: home, onHome }: HelplinesScreenProps) {
  const [region, setRegion] = useState<Region>(home);
  const [need, setNeed] = useState<NeedFilter>('all');
  // Open or closed is worked out when the screen is drawn; she can reopen it to refresh.
  const now = new Date();
  const emergency = emergencyFor(region);
  const all = servicesFor(region);
  const shown = filterServices(all, need);
  const specific = need === 'all' || need === 'mine' ? shown : shown.filter((s) => s.needs.includes(need));
  const general = need === 'all' || need === 'mine' ? [] : shown.filter((s) => !s.needs.includes(need));

  return (
    <Screen title={t('helplines:title')} back={{ label: t('common:home'), onBack: onHome }}>
      <EmergencyCall region={region} />
      {emergency && <EmergencyDetails emergency={emergency} now={now} />}
      <div class="notice">
        <p>{t('helplines:privacy.callLog')}</p>
        <p>{t('helplines:privacy.clipboard')}</p>
      </div>
      <div class="filters">
        <label class="field">
          {t('helplines:region.label')}
          <select value={region} onChange={(event) => setRegion(event.currentTarget.value as Region)}>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`common:regions.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('helplines:filter.label')}
          <select value={need} onChange={(event) => setNeed(event.currentTarget.value as NeedFilter)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`helplines:filter.options.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Contacts />
      {need !== 'mine' && (
        <section aria-labelledby="services-title">
          <h2 id="services-title">{t('helplines:list.title')}</h2>
          {all.length === 0 && <p>{t('helplines:region.none')}</p>}
          {all.length > 0 && shown.length === 0 && <p>{t('helplines:list.none')}</p>}
          <ul class="services">
            {specific.map((service) => (
              <ServiceCard key={service.id} service={service} now={now} />
            ))}
          </ul>
          {general.length > 0 && (
            <>
              <h2>{t('helplines:list.alsoOpen')}</h2>
              <ul class="services">
                {general.map((service) => (
                  <ServiceCard key={service.id} service={service} now={now} />
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </Screen>
  );
}
