// What the home screen shows of her links: "Shared with <label> since <date>" for each confirmed one,
// and "Unlink" in one step. Unlinking deletes the case and its keys from this phone and says plainly
// that what was already shared stays with the advocate (rotating the case key comes later).
import { useEffect, useState } from 'preact/hooks';
import { currentLanguage, t } from '../../platform/i18n';
import { type PendingLink, listLinks, removeLink } from './linkOps';

const formatDay = (ms: number) => new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'long' }).format(ms);

/** Her confirmed links, each with its one-step Unlink; nothing when there are none. */
export function LinkHomeStatus() {
  const [links, setLinks] = useState<PendingLink[]>([]);
  const [unlinked, setUnlinked] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    listLinks().then(
      (found) => live && setLinks(found.filter((link) => link.value.confirmedAt !== null)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const unlink = (link: PendingLink) => {
    void removeLink(link.id).then(
      () => {
        setLinks((now) => now.filter((l) => l.id !== link.id));
        setUnlinked(link.value.label);
      },
      () => undefined,
    );
  };

  if (links.length === 0 && unlinked === null) return null;
  return (
    <div class="link-status">
      {links.map((link) => (
        <div key={link.id} class="notice">
          <p>{t('link:home.shared', { label: link.value.label, date: formatDay(link.value.confirmedAt ?? link.value.createdAt) })}</p>
          <button type="button" class="secondary" onClick={() => unlink(link)}>
            {t('link:home.unlink', { label: link.value.label })}
          </button>
        </div>
      ))}
      <p role="status" class={unlinked === null ? undefined : 'saved'}>
        {unlinked === null ? '' : t('link:home.unlinked', { label: unlinked })}
      </p>
    </div>
  );
}
