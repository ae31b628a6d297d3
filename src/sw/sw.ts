// The service worker: precaches the whole app so that after the first visit it loads, unlocks and works
// with the network off. A new version installs in the background and waits; it takes over the next
// time the app starts, with nothing shown (no "update available" prompt to reveal anything).
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { DownloadMessage } from '../shared/protocol/download';
import type { MediaMessage } from '../shared/protocol/media';
import { downloadResponse, isDownloadRequest, onDownloadMessage } from './download';
import { isMediaRequest, mediaResponse, onMediaMessage } from './media';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

setCacheNameDetails({ prefix: 'calc', suffix: '1', precache: 'p', runtime: 'r' });
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Attachment media, decrypted range by range for the app that registered it; never cached.
registerRoute(({ url }) => isMediaRequest(url), ({ request }) => Promise.resolve(mediaResponse(request)));
// Files the app made (evidence pack, backup), streamed once to a download; never cached.
registerRoute(({ url }) => isDownloadRequest(url), ({ request }) => Promise.resolve(downloadResponse(request)));
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if (event.origin && event.origin !== self.location.origin) return;
  const data = event.data as MediaMessage | DownloadMessage | undefined;
  if (data?.type === 'media-register' || data?.type === 'media-revoke-all') {
    onMediaMessage(data);
    event.ports[0]?.postMessage('ok');
  } else if (data?.type === 'download-offer' || data?.type === 'download-revoke-all') {
    // An offer's port stays open: the download pulls its chunks over it (it acknowledges there too).
    onDownloadMessage(data, event.ports[0]);
  }
});
// Every navigation gets the calculator page; paths under /_ belong to the server (never cached).
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/_/] }));
// On the very first visit, take control at once so a reload with the network off still works.
clientsClaim();
