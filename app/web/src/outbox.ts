// The outbox kept on this device: work done while offline (@ruralmed/client offline.ts) in
// IndexedDB, so a closed tab or a restarted phone loses none of it. Records are kept as
// ciphertext with their data key wrapped to the author's own key, never in the clear.
import type { OutboxItem, OutboxStore } from '@ruralmed/client';

const DB_NAME = 'ruralmed-outbox';
const ITEMS = 'items';
const META = 'meta';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => { resolve(req.result); };
    req.onerror = () => { reject(req.error ?? new Error('IndexedDB request failed')); };
  });
}

export class IndexedDbOutboxStore implements OutboxStore {
  #db: Promise<IDBDatabase> | null = null;

  #open(): Promise<IDBDatabase> {
    this.#db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore(ITEMS, { keyPath: 'id' });
        open.result.createObjectStore(META);
      };
      open.onsuccess = () => { resolve(open.result); };
      open.onerror = () => { reject(open.error ?? new Error('IndexedDB cannot be opened')); };
    });
    this.#db.catch(() => { this.#db = null; });
    return this.#db;
  }

  async #store(name: string, mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.#open()).transaction(name, mode).objectStore(name);
  }

  async all(): Promise<OutboxItem[]> {
    return request((await this.#store(ITEMS, 'readonly')).getAll() as IDBRequest<OutboxItem[]>);
  }

  async put(item: OutboxItem): Promise<void> {
    await request((await this.#store(ITEMS, 'readwrite')).put(item));
  }

  async remove(id: string): Promise<void> {
    await request((await this.#store(ITEMS, 'readwrite')).delete(id));
  }

  async getMeta(key: string): Promise<number | null> {
    const value: unknown = await request((await this.#store(META, 'readonly')).get(key));
    return typeof value === 'number' ? value : null;
  }

  async setMeta(key: string, value: number): Promise<void> {
    await request((await this.#store(META, 'readwrite')).put(value, key));
  }
}
