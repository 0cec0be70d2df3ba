// Reads and writes the app's IndexedDB records directly, as another program, an older
// version of the app or a damaged disk would.

/** Every record as { key: value } (values as stored: usually text). */
export function readRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('microplan');
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readonly');
      const store = tx.objectStore('records');
      const keys = store.getAllKeys();
      const values = store.getAll();
      tx.oncomplete = () => {
        const records = {};
        keys.result.forEach((key, i) => { records[key] = values.result[i]; });
        open.result.close();
        resolve(records);
      };
    };
    open.onerror = () => reject(open.error);
  }));
}

/** Replaces every record with `records` ({ key: value }; any JSON value, not only text). */
export function replaceRecords(page, records) {
  return page.evaluate((records) => new Promise((resolve, reject) => {
    const open = indexedDB.open('microplan', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('records');
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      store.clear();
      for (const [key, value] of Object.entries(records)) store.put(value, key);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }), records);
}

/** The workspace stored under the meta record whose name is `name`, decoded: its header
 *  with each table record (`microplan/table/<id>/<table>`) joined back into `workspace`. */
export async function storedWorkspaceNamed(page, name) {
  const records = await readRecords(page);
  for (const [key, value] of Object.entries(records)) {
    if (!key.startsWith('microplan/meta/')) continue;
    const meta = JSON.parse(value);
    if (meta.name === name) {
      const envelope = JSON.parse(records[`microplan/workspace/${meta.id}`]);
      if (Array.isArray(envelope.tables)) {
        envelope.workspace = { name: envelope.name };
        for (const table of envelope.tables) {
          envelope.workspace[table] = JSON.parse(records[`microplan/table/${meta.id}/${table}`]);
        }
      }
      return { meta, envelope };
    }
  }
  return null;
}

/** Names in the workspace list of `page`, sorted. */
export async function listedNames(page) {
  return (await page.locator('.workspace-name').allInnerTexts()).sort();
}

/** Keeps a read-write transaction on the app's store open until the page goes away, so the
 *  app's next write waits behind it: "a save is under way" for as long as a test needs. */
export function holdStorageBusy(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('microplan');
    open.onsuccess = () => {
      const store = open.result.transaction('records', 'readwrite').objectStore('records');
      const spin = () => { store.get('microplan/active').onsuccess = spin; };
      spin();
      resolve();
    };
    open.onerror = () => reject(open.error);
  }));
}
