import type { DocRepo } from "../store/store.ts";
import type { Room } from "./room.ts";

/**
 * Ends each event-loop turn for every room that had messages in it: their new updates are
 * written in one group commit (one write for all rooms, when the store writes
 * synchronously, as SQLite's journal does), then each room sends what the turn produced. Rooms that
 * took many messages in one turn write and send once.
 */
export class Turns {
  private readonly due = new Set<Room>();
  private scheduled = false;

  constructor(private readonly docs: DocRepo) {}

  /** Marks `room` as having something to write or send at the end of this turn. */
  readonly schedule = (room: Room): void => {
    this.due.add(room);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.end);
  };

  private readonly end = (): void => {
    this.scheduled = false;
    const rooms = [...this.due];
    this.due.clear();
    const writes = rooms.flatMap((room) => {
      const batch = room.takeBatch();
      return batch ? [{ room, batch }] : [];
    });
    const { appendNow } = this.docs;
    if (!appendNow) {
      for (const { room, batch } of writes) room.writeLater(batch);
    } else if (writes.length > 0) {
      const results = appendNow(
        writes.map(({ room, batch }) => ({ briefId: room.briefId, updates: batch.updates })),
      );
      writes.forEach(({ room, batch }, i) => {
        room.written(batch, results[i]!);
      });
    }
    for (const room of rooms) room.endTurn();
  };
}
