package dev.polpocheck.validate.report;

import java.io.PrintWriter;

/** Writes a {@link Report} in one output format. */
public interface Reporter {

  /** Writes the whole report to {@code out}. */
  void write(Report report, PrintWriter out);
}
