// The advocate app's bootstrap: learn the relay's origin from this server, choose the language, mount.
// Served only from its own origin (server/main.ts, PORT + 1); it registers no service worker.
import './pro.css';
import { render } from 'preact';
import { addBundles, detectLanguage, t, useLanguage } from '../platform/i18n';
import { AdvocateConfig } from './config';
import { AdvocateApp, PRO_NAMESPACES } from './App';
import { fetchRelay } from './relayAdapter';

// Its words are this build's alone (platform/i18n leaves them out of the survivor's build).
addBundles(import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/advocate.json'));

async function start(): Promise<void> {
  const root = document.getElementById('app') as HTMLElement;
  await useLanguage(detectLanguage(), PRO_NAMESPACES);
  document.title = t('advocate:title');
  const config = AdvocateConfig.parse(await (await fetch('/_config', { cache: 'no-store', credentials: 'omit' })).json());
  render(<AdvocateApp relay={fetchRelay(config.relayOrigin)} relayOrigin={config.relayOrigin} />, root);
}

void start();
