// Attributes for every field that takes a PIN, passphrase or recovery code: no autofill, no
// autocorrect dictionary, no capitalisation, no spell-check service. Such fields also sit outside any
// <form>, so no password manager offers to save them.
export const SECRET_INPUT_ATTRIBUTES = { autocomplete: 'off', autocapitalize: 'off', autocorrect: 'off', spellcheck: 'false' } as const;
