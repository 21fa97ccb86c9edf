package dev.heatcheck.internal.events;

import java.util.function.Consumer;

/**
 * Joins event files (CI shards, earlier runs) into one stream as they are read: concatenation, each
 * event once by its id. Ids are remembered as 64-bit hashes in one array, 8 to 16 bytes an event, not as strings.
 */
public final class EventMerge {
  private EventMerge() {}

  /** Passes each event to {@code sink} the first time its id is seen. */
  public static Consumer<Event> distinct(Consumer<Event> sink) {
    Ids seen = new Ids();
    return event -> {
      if (seen.add(hash(key(event)))) {
        sink.accept(event);
      }
    };
  }

  private static String key(Event event) {
    if (event instanceof Event.Run run) {
      return "run:" + run.runId();
    } else if (event instanceof Event.View view) {
      // a view is reported again when its document has loaded; both lines are kept
      return "view:" + view.id() + ":" + view.docH() + ":" + view.t();
    } else if (event instanceof Event.Click e) {
      return e.id();
    } else if (event instanceof Event.Scroll e) {
      return e.id();
    } else if (event instanceof Event.Move e) {
      return e.id();
    } else if (event instanceof Event.Effect e) {
      return e.id();
    } else if (event instanceof Event.PageError e) {
      return e.id();
    } else if (event instanceof Event.Action e) {
      return e.id();
    } else if (event instanceof Event.Replayed e) {
      return e.id();
    } else if (event instanceof Event.Failed e) {
      return e.id();
    }
    return String.valueOf(event);
  }

  /** 64-bit FNV-1a with a final mix: two different ids collide about once in 10^19 pairs. */
  private static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /** A set of non-zero longs, open addressing. */
  private static final class Ids {
    private long[] slots = new long[1 << 12];
    private int size;

    boolean add(long id) {
      if (2 * (size + 1) > slots.length) {
        grow();
      }
      int mask = slots.length - 1;
      for (int i = (int) id & mask; ; i = (i + 1) & mask) {
        if (slots[i] == id) {
          return false;
        }
        if (slots[i] == 0) {
          slots[i] = id;
          size++;
          return true;
        }
      }
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      size = 0;
      for (long id : old) {
        if (id != 0) {
          add(id);
        }
      }
    }
  }
}
