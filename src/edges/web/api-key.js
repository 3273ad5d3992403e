// The API key field: what the user types is kept for this tab only (sessionStorage, gone when the tab
// closes) and sent as `Authorization: Bearer <key>` with each analysis, for servers run with SLANT_API_KEYS.
const STORAGE = 'slant-api-key';
const field = document.getElementById('api-key');

function stored() {
  try {
    return sessionStorage.getItem(STORAGE) ?? '';
  } catch {
    return field ? field.value.trim() : ''; // storage disabled: the field itself holds the key
  }
}

if (field) {
  field.value = stored();
  if (field.value !== '') field.closest('details')?.setAttribute('open', '');
  field.addEventListener('input', () => {
    try {
      const key = field.value.trim();
      if (key === '') sessionStorage.removeItem(STORAGE);
      else sessionStorage.setItem(STORAGE, key);
    } catch {
      // storage disabled: stored() reads the field
    }
  });
}

/** Headers for an API request: the typed key as a bearer token, or none. */
export function apiHeaders() {
  const key = stored();
  return key === '' ? {} : { authorization: `Bearer ${key}` };
}
