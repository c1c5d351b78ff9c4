package dev.polpocheck.cli;

/** The process exit codes every subcommand shares (README, "Exit codes"). */
public final class ExitCodes {
  /** Nothing at or above the failure threshold. */
  public static final int OK = 0;
  /** Findings at or above the threshold (validate), or a budget gate tripped (forecast). */
  public static final int FINDINGS = 1;
  /** Bad option or argument. */
  public static final int USAGE = 2;
  /** Could not run: unreadable or invalid input file, internal error. */
  public static final int IO_OR_INTERNAL = 3;

  private ExitCodes() {}
}
