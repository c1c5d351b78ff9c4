package dev.polpocheck.forecast;

/**
 * The period a run covers: {@code days} whole days from {@code startMillis}.
 *
 * @param startMillis first instant, epoch ms (UTC)
 * @param days length in days, at least 1
 */
public record Horizon(long startMillis, int days) {
  public Horizon {
    if (days < 1) {
      throw new IllegalArgumentException("a horizon is at least one day");
    }
  }

  /** Length in milliseconds. */
  public long millis() {
    return days * Corpus.DAY;
  }

  /** First instant after the horizon. */
  public long endMillis() {
    return startMillis + millis();
  }

  /** The day index (0-based, clamped to the horizon) an instant falls in. */
  public int dayOf(long millis) {
    long d = Math.floorDiv(millis - startMillis, Corpus.DAY);
    return (int) Math.max(0, Math.min(days - 1, d));
  }
}
