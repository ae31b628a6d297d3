// A translated sentence with numbers, addresses or keywords in it. Each value is isolated and kept
// left to right, so "0808 2000 247" stays in order inside an Urdu sentence (without isolation the
// bidi algorithm reverses its digit groups).
import { t } from '../../../platform/i18n';

const OPEN = '\uE000';
const CLOSE = '\uE001';

type Lookup = (key: string, options?: Record<string, unknown>) => string;

/** `values` are isolated left to right; `plain` values (words in her language) are inserted as they are. */
export function Ltr({ k, values, plain = {} }: { k: string; values: Record<string, string>; plain?: Record<string, string> }) {
  const marked = Object.fromEntries(Object.keys(values).map((name) => [name, `${OPEN}${name}${CLOSE}`]));
  const text = (t as unknown as Lookup)(k, { ...plain, ...marked });
  const parts = text.split(new RegExp(`${OPEN}(\\w+)${CLOSE}`));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 0 ? (
          part
        ) : (
          <bdi key={i} dir="ltr">
            {values[part] ?? ''}
          </bdi>
        ),
      )}
    </>
  );
}
