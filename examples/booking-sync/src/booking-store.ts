import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { WebhookBooking } from "@clinic/domain";

/** One booking as this service keeps it: the webhook's copy and the event that last set it. */
export interface KeptBooking {
  booking: WebhookBooking;
  /** The `createdAt` of the event that last changed it: older events don't overwrite it. */
  eventAt: string;
}

interface StoreFile {
  bookings: Record<string, KeptBooking>;
  /** Event ids already applied (the newest 10,000), so a retried delivery changes nothing. */
  seenEventIds: string[];
}

const MAX_SEEN = 10_000;

/**
 * A copy of the clinic's bookings, kept in memory and, with `file`, in a JSON file written
 * whole after every change (through a temporary file, so a crash never leaves half of one).
 */
export class BookingStore {
  private bookings = new Map<string, KeptBooking>();
  private seen = new Set<string>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string | null) {}

  static async open(file?: string | null): Promise<BookingStore> {
    const store = new BookingStore(file ?? null);
    if (file) {
      const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
      if (text) {
        const saved = JSON.parse(text) as StoreFile;
        store.bookings = new Map(Object.entries(saved.bookings));
        store.seen = new Set(saved.seenEventIds);
      }
    }
    return store;
  }

  hasSeen(eventId: string): boolean {
    return this.seen.has(eventId);
  }

  get(id: string): KeptBooking | undefined {
    return this.bookings.get(id);
  }

  all(): KeptBooking[] {
    return [...this.bookings.values()].sort((a, b) =>
      a.booking.startsAt.localeCompare(b.booking.startsAt),
    );
  }

  /**
   * Applies one event's booking: kept unless a newer event already changed it (deliveries can
   * arrive out of order when one is retried). Returns whether the copy changed.
   */
  async apply(eventId: string, eventAt: string, booking: WebhookBooking): Promise<boolean> {
    this.seen.add(eventId);
    if (this.seen.size > MAX_SEEN) this.seen.delete(this.seen.values().next().value!);
    const kept = this.bookings.get(booking.id);
    const changed = !kept || Date.parse(kept.eventAt) <= Date.parse(eventAt);
    if (changed) this.bookings.set(booking.id, { booking, eventAt });
    await this.save();
    return changed;
  }

  /** Marks an event seen that holds no booking (a review, an enquiry). */
  async skip(eventId: string): Promise<void> {
    this.seen.add(eventId);
    await this.save();
  }

  private save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const snapshot: StoreFile = {
      bookings: Object.fromEntries(this.bookings),
      seenEventIds: [...this.seen],
    };
    // One write at a time, in order.
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(snapshot, null, 2));
      await rename(temporary, file);
    });
    return this.writing;
  }
}
