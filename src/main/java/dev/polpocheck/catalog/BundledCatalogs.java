package dev.polpocheck.catalog;

/** The model catalogs bundled in the jar, as a whole. */
public final class BundledCatalogs {
  private BundledCatalogs() {}

  /**
   * Starts parsing the bundled model and pi-ai catalogs on a daemon thread and returns at once.
   *
   * <p>Why: a one-file {@code validate} run spends a good part of its time waiting for its schemas
   * to compile on a second thread, and its model rules then parse these catalogs; parsed here,
   * they are ready by then (reports/validate-startup.md §9). Each is parsed once, in its holder
   * class's initialiser, so a caller that gets there first, or meanwhile, simply waits for it.
   * A failure here (only a damaged jar could cause one) is not reported here: the next caller
   * fails too, with the JVM's NoClassDefFoundError for a holder whose initialiser failed.
   */
  public static void loadInBackground() {
    Thread t =
        new Thread(
            () -> {
              try {
                ModelCatalog.bundled();
                PiAiCatalog.bundled();
              } catch (RuntimeException | Error e) {
                // reported to whichever caller needs the catalog
              }
            },
            "polpo-check-catalogs");
    t.setDaemon(true);
    t.start();
  }
}
