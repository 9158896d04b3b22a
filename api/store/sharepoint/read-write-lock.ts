// Inside one server process, a transaction keeps other work out until it
// ends (as the SQLite store does): plain operations share the lock, a
// transaction holds it alone. Other processes are not held back; see
// docs/sharepoint.md for what that means.
export class ReadWriteLock {
  private shared = 0;
  private exclusive = false;
  private readonly queue: { exclusive: boolean; start: () => void }[] = [];

  async withShared<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await work();
    } finally {
      this.shared -= 1;
      this.drain();
    }
  }

  async withExclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    try {
      return await work();
    } finally {
      this.exclusive = false;
      this.drain();
    }
  }

  private acquire(exclusive: boolean): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push({ exclusive, start: resolve });
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && !this.exclusive) {
      const next = this.queue[0]!;
      if (next.exclusive) {
        if (this.shared > 0) return;
        this.exclusive = true;
      } else {
        this.shared += 1;
      }
      this.queue.shift();
      next.start();
    }
  }
}
