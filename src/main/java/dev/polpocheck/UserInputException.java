package dev.polpocheck;

/**
 * A problem the user can fix in their input (a file, a flag value, a trace line), reported as one
 * line without a stack trace.
 *
 * <p>The message must already name the place ({@code file:line:col: ...}) when there is one, and
 * must never contain a secret: callers pass variable names and token lengths, never values.
 */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code for input the program could not read or use (see README, "Exit codes"). */
  public static final int EXIT_CODE = 3;

  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
