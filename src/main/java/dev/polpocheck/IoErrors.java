package dev.polpocheck;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says in words why a file operation failed, for the end of a one-line error: "no such file or
 * directory", "permission denied" — never a Java class name, and never the path again (the
 * caller's message starts with it).
 */
public final class IoErrors {
  private IoErrors() {}

  /** Returns the reason {@code e} happened, in lower-case words. */
  public static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null || e.getMessage().isBlank()
        ? "input/output error"
        : e.getMessage();
  }
}
